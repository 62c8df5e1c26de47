using System.Numerics;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// The order-independent checksum of a set of rows: how many there are and the exact sum of their 64-bit
/// row hashes (PostgreSQL's sum(bigint) is exact, so nothing wraps). Checksums of disjoint parts add up,
/// which is what lets each side split its own scan however suits its storage.
/// </summary>
internal readonly record struct ChunkChecksum(long Rows, BigInteger Sum)
{
    public static ChunkChecksum Empty => new(0, BigInteger.Zero);

    public ChunkChecksum Add(ChunkChecksum other) => new(Rows + other.Rows, Sum + other.Sum);
}
