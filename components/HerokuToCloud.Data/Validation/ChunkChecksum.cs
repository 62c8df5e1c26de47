using System.Numerics;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// The order-independent checksum of a set of rows: how many there are and the exact sum of their 64-bit
/// row hashes (PostgreSQL's sum(bigint) is exact, so nothing wraps), so a table's checksum does not depend
/// on its physical row order, or on how a parallel scan divides it between workers.
/// </summary>
internal readonly record struct ChunkChecksum(long Rows, BigInteger Sum)
{
    public static ChunkChecksum Empty => new(0, BigInteger.Zero);
}
