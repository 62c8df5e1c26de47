namespace HerokuToCloud.Data.Backup;

/// <summary>Recognises a pg_dump custom-format archive (what Heroku's PG Backups produce) by its "PGDMP" magic.</summary>
public static class DumpFile
{
    private static readonly byte[] Magic = "PGDMP"u8.ToArray();

    /// <summary>How many bytes the magic takes at the start of a file.</summary>
    public static int MagicLength => Magic.Length;

    public static bool HasMagic(ReadOnlySpan<byte> start) => start.Length >= Magic.Length && start[..Magic.Length].SequenceEqual(Magic);

    /// <summary>Whether the bytes of <paramref name="stream"/> from its start begin with the magic; reads from position 0.</summary>
    public static bool StartsWithMagic(Stream stream)
    {
        Span<byte> start = stackalloc byte[Magic.Length];
        stream.Position = 0;
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return HasMagic(start[..read]);
    }

    /// <summary>Throws a clear error unless <paramref name="path"/> is a custom-format dump.</summary>
    public static void EnsureCustomFormat(string path, string display)
    {
        if (!File.Exists(path))
            throw new DataMigrationException($"the backup file {display} does not exist. Pass a pg_dump custom-format file (heroku pg:backups:download) or the URL heroku pg:backups:url prints.");
        bool custom;
        using (var stream = File.OpenRead(path))
            custom = StartsWithMagic(stream);
        if (!custom)
            throw new DataMigrationException($"{display} is not a pg_dump custom-format file (it does not start with PGDMP). Heroku backups are custom format: download one with heroku pg:backups:download, or pass the URL heroku pg:backups:url prints. A plain SQL dump must be loaded with psql instead.");
    }
}
