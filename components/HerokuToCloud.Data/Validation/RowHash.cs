using HerokuToCloud.Data.Catalog;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Builds the SQL expression that turns a row into a 64-bit hash, the same text on both servers.
///
/// The hash is a chain: each column's value is hashed with PostgreSQL's 64-bit seeded hash functions
/// (lookup3, the functions behind hash indexes) using the previous column's result as the seed, so
/// the result depends on every value and its position, non-linearly. A NULL is hashed as the type's
/// zero value with a different seed, so NULL and '' (or 0) give different hashes.
///
/// Each value is hashed in an exact form: integers, booleans and uuids by their binary value (every
/// bit reaches the hash; bigints as two 32-bit halves because PostgreSQL's int8 hash folds them), text
/// and varchar by their bytes (collation "C", so no locale can make two strings equal), bytea by its bytes, numerics by value
/// and display scale, floats by value (with -0 told from 0), dates by their day number, and timestamps by
/// the 8 bytes of their binary send form (the microseconds; a timestamptz's are UTC whatever the session's
/// zone). Every other type is hashed by its text output under <see cref="CanonicalSettings"/> (jsonb as
/// text so 1.0 and 1.00 differ). Binary hashing is used only when the column has the same
/// base type on both sides; otherwise both sides hash the text form. Binary forms skip the text
/// formatting that dominates the cost of a checksum pass (a date hashes 3× faster by its day number, a
/// timestamp about 1.5× faster by its bytes, than by its text).
///
/// Two traps of PostgreSQL's hash functions shape the forms: the float hashes return the seed unchanged
/// for zero (so a zero column would drop out of the chain, and (0, 5) would equal (5, 0)), and every
/// 64-bit hash (int8, timestamp, time, interval) folds its value to 32 bits, so 2020-01-01 and a
/// timestamp 71 minutes away can hash alike. Floats therefore get one more hash step, and bigints and
/// timestamps are hashed in forms that keep all 64 bits.
/// </summary>
internal static class RowHash
{
    /// <summary>Start seeds: a row hash and a key hash of the same values differ.</summary>
    public const long RowSeed = 0x2545F4914F6CDD1D;

    public const long KeySeed = 0x1B873593CC9E2D51;

    private const uint Bool = 16;
    private const uint Bytea = 17;
    private const uint Int8 = 20;
    private const uint Int2 = 21;
    private const uint Int4 = 23;
    private const uint Text = 25;
    private const uint Bpchar = 1042;
    private const uint Varchar = 1043;
    private const uint Uuid = 2950;
    private const uint Numeric = 1700;
    private const uint Float4 = 700;
    private const uint Float8 = 701;
    private const uint Date = 1082;
    private const uint Timestamp = 1114;
    private const uint Timestamptz = 1184;

    /// <summary>
    /// The hash expression over <paramref name="columns"/> in order. When a column may be NULL, a row that
    /// holds no NULL takes a second copy of the chain without the NULL handling: for such a row both copies
    /// compute the same hash (a NULL's seed mark is then 0 and coalesce returns the value), and skipping the
    /// coalesce and seed mark of every nullable column makes the usual row about a tenth cheaper to hash.
    /// </summary>
    public static string Expression(IReadOnlyList<HashedColumn> columns, long seed)
    {
        var chain = Chain(columns, seed);
        var nullable = columns.Where(c => c.Nullable).ToList();
        if (nullable.Count == 0)
            return chain;

        var noNull = string.Join(" AND ", nullable.Select(c => $"{Identifier.Quote(c.Name)} IS NOT NULL"));
        return $"CASE WHEN {noNull} THEN {Chain(columns.Select(c => c with { Nullable = false }).ToList(), seed)} ELSE {chain} END";
    }

    private static string Chain(IReadOnlyList<HashedColumn> columns, long seed)
    {
        var expression = Sql.Number(seed);
        for (var i = 0; i < columns.Count; i++)
            expression = Step(columns[i], expression, i + 1);
        return expression;
    }

    /// <summary>How a column is hashed, decided from its base type on each side.</summary>
    public static HashedColumn Column(string name, uint sourceBaseType, uint targetBaseType, bool nullable)
    {
        var kind = sourceBaseType != targetBaseType ? HashKind.TextOutput : sourceBaseType switch
        {
            Int2 => HashKind.Int2,
            Int4 => HashKind.Int4,
            Int8 => HashKind.Int8,
            Bool => HashKind.Bool,
            Bytea => HashKind.Bytea,
            Uuid => HashKind.Uuid,
            Text or Varchar => HashKind.Text,
            Bpchar => HashKind.Bpchar,
            Numeric => HashKind.Numeric,
            Float4 => HashKind.Float4,
            Float8 => HashKind.Float8,
            Date => HashKind.Date,
            Timestamp => HashKind.Timestamp,
            Timestamptz => HashKind.Timestamptz,
            _ => HashKind.TextOutput,
        };
        return new HashedColumn(name, kind, nullable);
    }

    private static string Step(HashedColumn column, string seed, int position)
    {
        var c = Identifier.Quote(column.Name);
        var value = !column.Nullable ? ValueOf(column.Kind, c) : column.Kind switch
        {
            HashKind.Int2 => $"coalesce({c}, 0::int2)",
            HashKind.Int4 => $"coalesce({c}, 0::int4)",
            HashKind.Int8 => $"coalesce({c}, 0::int8)",
            HashKind.Bool => $"coalesce({c}::int4, 0)",
            HashKind.Uuid => $"coalesce({c}, '00000000-0000-0000-0000-000000000000'::uuid)",
            HashKind.Text => $"coalesce({c}::text, '')",
            HashKind.Bytea => $"coalesce({c}, ''::bytea)",
            HashKind.Bpchar => $"coalesce({c}, ''::bpchar)",
            HashKind.Numeric => $"coalesce({c}, 0::numeric)",
            HashKind.Float4 => $"coalesce({c}, 0::float4)",
            HashKind.Float8 => $"coalesce({c}, 0::float8)",
            HashKind.Date => ValueOf(column.Kind, $"coalesce({c}, '2000-01-01'::date)"),
            HashKind.Timestamp => ValueOf(column.Kind, $"coalesce({c}, '2000-01-01'::timestamp)"),
            HashKind.Timestamptz => ValueOf(column.Kind, $"coalesce({c}, '2000-01-01 00:00+00'::timestamptz)"),
            _ => $"coalesce({c}::text, '')",
        };
        if (column.Nullable)
            seed = $"({seed}) # CASE WHEN {c} IS NULL THEN {Sql.Number(NullMark(position))}::int8 ELSE 0::int8 END";

        return column.Kind switch
        {
            HashKind.Int2 => $"hashint2extended({value}, {seed})",
            HashKind.Int4 or HashKind.Bool => $"hashint4extended({value}, {seed})",
            // hashint8extended folds the two halves into 32 bits; hashing the high half again keeps all 64.
            HashKind.Int8 => $"hashint4extended(({value} >> 32)::int4, hashint8extended({value}, {seed}))",
            HashKind.Uuid => $"uuid_hash_extended({value}, {seed})",
            // bytea's own 64-bit hash (lookup3 over the bytes) is reachable from SQL only through an array's
            // hash, which for one element is 31 + the element's hash: exact, and a third cheaper than
            // hashing the hex text.
            HashKind.Bytea => $"hash_array_extended(ARRAY[{value}], {seed})",
            // The float hashes return the seed itself for zero and map -0 to 0 (they are equal). The outer
            // step always mixes, and hashes which of nonzero, 0 and -0 the value is; a zero's sign is read
            // from its text, which only zeros pay for. The seed is written once: repeating it would double
            // the expression per column.
            HashKind.Float4 or HashKind.Float8 =>
                $"hashint4extended(CASE WHEN {c} <> 0 THEN 0 WHEN {c}::text LIKE '-%' THEN 2 ELSE 1 END, hash{(column.Kind == HashKind.Float4 ? "float4" : "float8")}extended({value}, {seed}))",
            HashKind.Date => $"hashint4extended({value}, {seed})",
            HashKind.Timestamp or HashKind.Timestamptz => $"hashtextextended({value}, {seed})",
            HashKind.Bpchar => $"hashbpcharextended({value} COLLATE \"C\", {seed})",
            // numeric's own hash ignores the display scale (1.0 = 1.00) and the sign, and maps NaN and
            // ±Infinity to the seed. Hashing the sign and scale (or which special value it is) as well
            // makes the pair exact without formatting the number as text.
            HashKind.Numeric => $"hashint4extended(CASE WHEN {value} < 0::numeric THEN -100000 ELSE 0 END + coalesce(scale({value}), CASE WHEN {value} = 'NaN'::numeric THEN -1 WHEN {value} > 0::numeric THEN -2 ELSE -3 END), hash_numeric_extended({value}, {seed}))",
            _ => $"hashtextextended({value} COLLATE \"C\", {seed})",
        };
    }

    private static string ValueOf(HashKind kind, string column) => kind switch
    {
        HashKind.Bool => $"{column}::int4",
        HashKind.Text => $"{column}::text",
        HashKind.TextOutput => $"{column}::text",
        HashKind.Date => DayNumber(column),
        HashKind.Timestamp => $"encode(timestamp_send({column}), 'hex')",
        HashKind.Timestamptz => $"encode(timestamptz_send({column}), 'hex')",
        _ => column,
    };

    /// <summary>
    /// A date's day number, as PostgreSQL stores it: days from 2000-01-01, and ±infinity as the int32 limits
    /// (finite dates never reach them). Subtracting an infinite date is an error, hence the CASE.
    /// </summary>
    private static string DayNumber(string date) =>
        $"CASE WHEN isfinite({date}) THEN {date} - '2000-01-01'::date WHEN {date} > '2000-01-01'::date THEN 2147483647 ELSE '-2147483648'::int4 END";

    /// <summary>A fixed pseudo-random constant per column position (SplitMix64), mixed into the seed when the value is NULL.</summary>
    private static long NullMark(int position)
    {
        unchecked
        {
            var z = (ulong)position * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)(z ^ (z >> 31));
        }
    }
}

/// <summary>The exact form a column is hashed in.</summary>
internal enum HashKind
{
    Int2,
    Int4,
    Int8,
    Bool,
    Bytea,
    Uuid,
    Text,
    Bpchar,
    Numeric,
    Float4,
    Float8,
    Date,
    Timestamp,
    Timestamptz,
    TextOutput,
}

/// <summary>A column in a row hash: its name, how it is hashed, and whether either side allows NULL in it.</summary>
internal sealed record HashedColumn(string Name, HashKind Kind, bool Nullable);
