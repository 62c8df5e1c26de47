namespace HerokuToCloud.Data.Storage;

/// <summary>
/// A directory only this user can enter (0700), holding files only this user can read (0600). The tool's
/// scratch files (the schema archive, which carries every function body and view of the source; restore
/// lists; a downloaded backup, which carries all its data) must not be readable by other local users, as
/// files created with the default umask in a shared /tmp would be. Disposing deletes the directory.
/// </summary>
public sealed class PrivateDirectory : IDisposable
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private PrivateDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>A new, empty directory under the system temporary directory, named <paramref name="prefix"/> and a random suffix.</summary>
    public static PrivateDirectory CreateTemporary(string prefix)
    {
        // CreateTempSubdirectory uses mkdtemp, which already creates 0700; setting it says so and keeps it
        // so on any platform that does not.
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        RestrictToOwner(path);
        return new PrivateDirectory(path);
    }

    /// <summary>Creates <paramref name="path"/> (and its parents) if missing and makes the directory itself owner-only.</summary>
    public static void EnsureOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyDirectory);
        RestrictToOwner(path);
    }

    /// <summary>Opens a new owner-only file for writing; <paramref name="mode"/> says whether an existing one is replaced or kept.</summary>
    public static FileStream CreateOwnerOnlyFile(string path, FileMode mode = FileMode.CreateNew, FileShare share = FileShare.None, FileAccess access = FileAccess.Write)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        return new FileStream(path, options);
    }

    /// <summary>
    /// An empty owner-only file named <paramref name="name"/> in this directory, for a program that writes
    /// it by name (pg_dump --file opens an existing file without changing its mode).
    /// </summary>
    public string CreateFile(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        using (CreateOwnerOnlyFile(path))
        {
        }

        return path;
    }

    /// <summary>Writes <paramref name="text"/> to a new owner-only file named <paramref name="name"/> in this directory.</summary>
    public async Task<string> WriteTextAsync(string name, string text, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(Path, name);
        await WriteOwnerOnlyTextAsync(path, text, cancellationToken);
        return path;
    }

    /// <summary>Writes <paramref name="text"/> to the owner-only file <paramref name="path"/>, replacing one that is there.</summary>
    public static async Task WriteOwnerOnlyTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        await using var stream = CreateOwnerOnlyFile(path, FileMode.Create);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // already gone
        }
    }

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, OwnerOnlyDirectory);
    }
}
