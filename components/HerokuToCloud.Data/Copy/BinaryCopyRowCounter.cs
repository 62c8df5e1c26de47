using System.Buffers.Binary;

namespace HerokuToCloud.Data.Copy;

/// <summary>
/// Counts the tuples of a binary COPY stream as it passes through, without decoding values: the header
/// (11-byte signature, flags, extension area), then per tuple a 16-bit field count and per field a 32-bit
/// length (-1 for NULL) and that many bytes, ending with a field count of -1. Buffers may split any of
/// these anywhere.
/// </summary>
public sealed class BinaryCopyRowCounter
{
    private const int HeaderLength = 19;

    private readonly byte[] pending = new byte[HeaderLength];
    private State state = State.Header;
    private int have;
    private long skip;
    private int fieldsLeft;

    private enum State
    {
        Header,
        FieldCount,
        FieldLength,
        Trailer,
    }

    public long Rows { get; private set; }

    /// <summary>True once the end-of-data marker has been seen.</summary>
    public bool Complete => state == State.Trailer;

    public void Feed(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && state != State.Trailer)
        {
            if (skip > 0)
            {
                var take = (int)Math.Min(skip, data.Length);
                skip -= take;
                data = data[take..];
                continue;
            }

            // The usual case: a count or length lies whole in this buffer and is read where it is. The copy
            // through `pending` below is only for one split between two buffers; taking it for every field
            // cost about half the counter's time.
            if (have == 0 && state == State.FieldCount && data.Length >= 2)
            {
                OnFieldCount(BinaryPrimitives.ReadInt16BigEndian(data));
                data = data[2..];
                continue;
            }

            if (have == 0 && state == State.FieldLength && data.Length >= 4)
            {
                OnFieldLength(BinaryPrimitives.ReadInt32BigEndian(data));
                data = data[4..];
                continue;
            }

            var need = state switch
            {
                State.Header => HeaderLength,
                State.FieldCount => 2,
                _ => 4,
            };
            var copy = Math.Min(need - have, data.Length);
            data[..copy].CopyTo(pending.AsSpan(have));
            have += copy;
            data = data[copy..];
            if (have < need)
                return;

            have = 0;
            switch (state)
            {
                case State.Header:
                    skip = BinaryPrimitives.ReadInt32BigEndian(pending.AsSpan(15, 4));
                    state = State.FieldCount;
                    break;
                case State.FieldCount:
                    OnFieldCount(BinaryPrimitives.ReadInt16BigEndian(pending));
                    break;
                case State.FieldLength:
                    OnFieldLength(BinaryPrimitives.ReadInt32BigEndian(pending));
                    break;
            }
        }
    }

    private void OnFieldCount(short fields)
    {
        if (fields == -1)
        {
            state = State.Trailer;
            return;
        }

        Rows++;
        fieldsLeft = fields;
        state = fields > 0 ? State.FieldLength : State.FieldCount;
    }

    private void OnFieldLength(int length)
    {
        skip = Math.Max(length, 0);
        fieldsLeft--;
        state = fieldsLeft > 0 ? State.FieldLength : State.FieldCount;
    }
}
