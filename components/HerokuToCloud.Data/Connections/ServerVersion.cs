using System.Globalization;

namespace HerokuToCloud.Data.Connections;

/// <summary>A PostgreSQL server version as <c>server_version_num</c> gives it (150018 = 15.18, 90624 = 9.6.24).</summary>
public readonly record struct ServerVersion(int Number)
{
    /// <summary>The major release (9 for every 9.x: the tool needs 10 or newer anyway).</summary>
    public int Major => Number / 10000;

    public static ServerVersion Parse(string serverVersionNum) =>
        new(int.Parse(serverVersionNum.Trim(), NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>Reads a "15.18 (Debian …)" style version as pg_dump archives record it; null when unreadable.</summary>
    public static ServerVersion? FromDisplay(string text)
    {
        var numbers = new string(text.Trim().TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length == 0 || !int.TryParse(numbers[0], CultureInfo.InvariantCulture, out var major))
            return null;
        var minor = numbers.Length > 1 && int.TryParse(numbers[1], CultureInfo.InvariantCulture, out var m) ? m : 0;
        return major >= 10 ? new ServerVersion(major * 10000 + minor) : new ServerVersion(major * 10000 + minor * 100);
    }

    /// <summary>A restore can only go to a server of the same or a newer major: throws otherwise.</summary>
    public static void EnsureTargetCanHold(ServerVersion source, ServerVersion target)
    {
        if (target.Major < source.Major)
            throw new DataMigrationException($"the target server runs PostgreSQL {target.Major}, older than the source's {source.Major}. A dump cannot be loaded into an older major version: create the target with PostgreSQL {source.Major} or newer.");
    }

    public override string ToString() => Number >= 100000 ? $"{Major}.{Number % 10000}" : $"{Major}.{Number / 100 % 100}.{Number % 100}";
}
