namespace HerokuToCloud.Inventory;

/// <summary>
/// Config var names that Heroku itself sets: the dyno manager (PORT, DYNO), the dyno metadata
/// labs features, review apps and Heroku CI. They describe the Heroku dyno, not the app, so the
/// inventory records them as <see cref="ConfigVarKind.Runtime"/> and the new platform drops or
/// provides them; copying them would hand the new platform stale Heroku identities.
/// </summary>
public static class RuntimeConfigVars
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        // Dyno manager.
        "PORT", "DYNO",

        // labs:runtime-dyno-metadata and runtime-dyno-build-metadata.
        "HEROKU_APP_ID", "HEROKU_APP_NAME", "HEROKU_APP_DEFAULT_DOMAIN_NAME", "HEROKU_DYNO_ID",
        "HEROKU_RELEASE_CREATED_AT", "HEROKU_RELEASE_VERSION", "HEROKU_SLUG_COMMIT", "HEROKU_SLUG_DESCRIPTION",
        "HEROKU_BUILD_COMMIT", "HEROKU_BUILD_DESCRIPTION",

        // Review apps.
        "HEROKU_BRANCH", "HEROKU_PR_NUMBER", "HEROKU_PARENT_APP_NAME",

        // Builds and Heroku CI.
        "SOURCE_VERSION", "CI", "HEROKU_TEST_RUN_ID", "HEROKU_TEST_RUN_BRANCH", "HEROKU_TEST_RUN_COMMIT_VERSION",
    };

    public static bool IsRuntime(string name) => Names.Contains(name);
}
