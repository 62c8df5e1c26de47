namespace HerokuToCloud.Data.Validation;

/// <summary>
/// A chunk of a table: the rows whose key hash has <see cref="Value"/> in its low <see cref="Bits"/> bits.
/// The whole table is the chunk of 0 bits; splitting a chunk looks at more bits. Because the key hash is
/// computed from values, the same chunk holds the same rows on both servers, whatever their physical order,
/// collation or ctids.
/// </summary>
internal readonly record struct HashChunk(int Bits, long Value)
{
    public static HashChunk Whole => new(0, 0);

    public long Mask => Bits == 0 ? 0 : Bits >= 63 ? long.MaxValue : (1L << Bits) - 1;
}
