using HerokuToCloud.Graph;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Secrets;

/// <summary>
/// The generated program a push targets, checked against the plan before any value moves: the
/// project must be the inventory's system, and every secret config key of the plan must be declared
/// by the program as a secret string. A key the program does not read would be set and never used,
/// while the one it does read stays empty, so a mismatch stops the push instead.
/// </summary>
/// <param name="ProgramPath">DIR/Pulumi.yaml.</param>
/// <param name="Project">The project name: the namespace of every key (<c>project:key</c>).</param>
/// <param name="OtherSecretKeys">Secret config the program reads that no team var supplies (datastore source URLs and the like): set by hand.</param>
internal sealed record ProgramSecretKeys(string ProgramPath, string Project, IReadOnlyList<string> OtherSecretKeys)
{
    /// <summary>
    /// Reads DIR/Pulumi.yaml and checks it. Without the file, returns null when <paramref name="required"/>
    /// is false (a dry run may look at keys before the program exists) and fails otherwise.
    /// </summary>
    public static ProgramSecretKeys? Check(string directory, StackSecretConfig config, bool required)
    {
        var path = Path.Combine(directory, PulumiYamlWriter.ProgramFileName);
        if (!File.Exists(path))
        {
            if (!required)
                return null;
            throw new SecretPushException(Directory.Exists(directory)
                ? $"{directory} has no {PulumiYamlWriter.ProgramFileName}: point -C at the directory `heroku2cloud generate -o DIR` wrote for this inventory (Pulumi sets config in that program's stack)."
                : $"the program directory {directory} does not exist: point -C at the directory `heroku2cloud generate -o DIR` wrote for this inventory.");
        }

        var graph = PulumiYamlReader.Read(File.ReadAllText(path), path);
        if (graph.Project != config.System)
        {
            throw new SecretPushException(
                $"{path} is the program of project '{graph.Project}', but the inventory's system is '{config.System}': point -C at the program generated from this inventory.");
        }

        var declared = graph.Config.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var needed = config.Assignments.Select(a => a.ConfigKey).Concat(config.Missing.Select(m => m.ConfigKey)).ToHashSet(StringComparer.Ordinal);
        var problems = needed.Order(StringComparer.Ordinal)
            .Select(key => declared.TryGetValue(key, out var declaration) ? Problem(key, declaration) : $"{key} is not declared")
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
        {
            const int Shown = 10;
            var list = string.Join("; ", problems.Take(Shown)) + (problems.Count > Shown ? $"; and {problems.Count - Shown} more" : "");
            throw new SecretPushException(
                $"{path} does not read the secret config this inventory needs ({list}). The program is older or newer than the inventory: generate it again from this inventory, then push.");
        }

        var others = graph.Config.Where(c => c.Secret && !needed.Contains(c.Key)).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();

        // A key of the <app>-<VAR> form for a var this inventory no longer reads from secret config (now built
        // from a datastore, generated, or build-time) means an older program: listed as secret config "to set
        // yourself", it invited setting READ_DB to the Heroku database URL by hand.
        var stale = config.Skipped
            .Select(s => (s.App, s.Var, Key: SecretResolution.ConfigKey(s.App, s.Var)))
            .Where(s => others.Contains(s.Key))
            .Select(s => $"{s.Key} ({s.Var} of {s.App} is no longer secret config)")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (stale.Count > 0)
        {
            throw new SecretPushException(
                $"{path} reads secret config this inventory no longer supplies ({string.Join("; ", stale)}). The program is older than the inventory: generate it again from this inventory, then push.");
        }

        return new ProgramSecretKeys(path, graph.Project, others);
    }

    private static string? Problem(string key, ConfigDeclaration declaration) => declaration switch
    {
        { Secret: false } => $"{key} is declared as plain config, not secret",
        { Type: not ConfigType.String } => $"{key} is declared with another type than string",
        _ => null,
    };
}
