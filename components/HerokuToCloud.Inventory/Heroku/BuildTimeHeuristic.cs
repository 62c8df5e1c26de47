namespace HerokuToCloud.Inventory;

/// <summary>
/// Decides, when a source does not say, whether a config var is needed while building the image.
/// Heroku exposes every config var to the build, so nothing in Heroku tells them apart; this rule
/// picks the vars that build tools read (framework public prefixes and buildpack settings).
/// The inventory records the result explicitly, so a team can correct any single var.
/// </summary>
public static class BuildTimeHeuristic
{
    private static readonly string[] Prefixes =
    [
        "NEXT_PUBLIC_", "REACT_APP_", "VITE_", "NUXT_PUBLIC_", "GATSBY_", "PUBLIC_", "EXPO_PUBLIC_",
        "NPM_CONFIG_", "YARN_", "BUNDLE_", "PIP_", "MAVEN_", "GRADLE_", "BUILDPACK_",
    ];

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "BUILDPACK_URL", "NODE_MODULES_CACHE", "NODE_VERBOSE", "USE_NPM_INSTALL", "NPM_TOKEN",
        "DISABLE_COLLECTSTATIC", "BUNDLE_WITHOUT", "GO_INSTALL_PACKAGE_SPEC", "GOVERSION",
        "MAVEN_CUSTOM_OPTS", "GRADLE_TASK", "SBT_OPTS", "RAILS_GROUPS",
    };

    public static bool IsBuildTime(string name) =>
        Names.Contains(name) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
}
