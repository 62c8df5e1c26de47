using HerokuToCloud.Data.Connections;

namespace HerokuToCloud.Data.Migration;

/// <summary>What <c>heroku2cloud data migrate</c> was asked to do.</summary>
public sealed record MigrationOptions
{
    /// <summary>A database address (postgres:// URL, keyword or Npgsql string), a pg_dump custom-format file, or a backup URL.</summary>
    public required string Source { get; init; }

    public required PostgresEndpoint Target { get; init; }

    /// <summary>Parallel connections per side (copy workers, post-data builders, pg_restore -j).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Empty a non-empty target (see <see cref="Target.TargetContents.WipeAsync"/>) instead of refusing.</summary>
    public bool Replace { get; init; }

    /// <summary>Target size of one copy unit; larger tables are split into key or block ranges of about this size.</summary>
    public long ChunkBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Directory of pg_dump/pg_restore, or null for HEROKU2CLOUD_PG_BIN / PATH.</summary>
    public string? ClientBinDirectory { get; init; }
}
