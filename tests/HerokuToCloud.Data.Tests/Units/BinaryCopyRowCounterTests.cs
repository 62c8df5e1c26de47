using System.Buffers.Binary;
using HerokuToCloud.Data.Copy;

namespace HerokuToCloud.Data.Tests.Units;

public class BinaryCopyRowCounterTests
{
    /// <summary>A binary COPY stream: header with a 3-byte extension area, the given rows (null = NULL field), trailer.</summary>
    private static byte[] Stream(params byte[]?[][] rows)
    {
        var bytes = new List<byte>();
        bytes.AddRange(new byte[] { (byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0 });
        bytes.AddRange(new byte[] { 0, 0, 0, 0 });
        bytes.AddRange(new byte[] { 0, 0, 0, 3, 9, 9, 9 });
        foreach (var row in rows)
        {
            var count = new byte[2];
            BinaryPrimitives.WriteInt16BigEndian(count, (short)row.Length);
            bytes.AddRange(count);
            foreach (var field in row)
            {
                var length = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(length, field?.Length ?? -1);
                bytes.AddRange(length);
                if (field is not null)
                    bytes.AddRange(field);
            }
        }

        bytes.AddRange(new byte[] { 0xff, 0xff });
        return bytes.ToArray();
    }

    [Fact]
    public void Rows_are_counted_however_the_stream_is_cut()
    {
        // Field contents that look like field counts and trailers must not confuse the counter.
        var data = Stream(
            [[0xff, 0xff], null, [0, 2, 0, 0, 0, 1]],
            [],
            [new byte[300], [1]],
            [null]);

        for (var size = 1; size <= data.Length; size++)
        {
            var counter = new BinaryCopyRowCounter();
            foreach (var piece in data.Chunk(size))
                counter.Feed(piece);

            Assert.Equal(4, counter.Rows);
            Assert.True(counter.Complete);
        }
    }

    [Fact]
    public void An_unfinished_stream_is_not_complete()
    {
        var data = Stream([[1, 2, 3]]);
        var counter = new BinaryCopyRowCounter();

        counter.Feed(data.AsSpan(0, data.Length - 2));

        Assert.Equal(1, counter.Rows);
        Assert.False(counter.Complete);
    }
}
