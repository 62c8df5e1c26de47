namespace HerokuToCloud.Cli.Output;

/// <summary>
/// Writes command output all-or-nothing: content goes to a temporary sibling first and is moved
/// into place only when complete, so a failure never leaves a half-written file or directory.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Writes one file atomically; <paramref name="ownerOnly"/> makes it readable by its owner alone (for secrets).</summary>
    public static void WriteFile(string path, string content, bool ownerOnly = false)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (ownerOnly && !OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream))
                writer.Write(content);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Writes a set of files (relative path → content) into <paramref name="directory"/>. The files are
    /// staged in a temporary directory and moved in only when all were written; files already in the
    /// directory that the set does not name are left alone.
    /// </summary>
    public static void WriteDirectory(string directory, IReadOnlyDictionary<string, string> files)
    {
        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            foreach (var (relative, content) in files)
            {
                var target = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
            }

            Directory.CreateDirectory(full);
            foreach (var relative in files.Keys)
            {
                var target = Path.Combine(full, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, relative), target, overwrite: true);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }
}
