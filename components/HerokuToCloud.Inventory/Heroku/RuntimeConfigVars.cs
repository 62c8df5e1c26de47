using System.Collections.Frozen;

namespace HerokuToCloud.Inventory;

/// <summary>
/// Config vars Heroku's runtime, build system or buildpacks set by themselves (reference/heroku-facts.md §5a).
/// They are recorded with kind runtime and dropped: the new platform provides its own PORT, and
/// nothing there sets the rest, so an app that reads one needs a replacement the team chooses.
/// WEB_CONCURRENCY is deliberately absent: buildpacks only default it, and a team that sets it
/// means its value.
/// </summary>
public static class RuntimeConfigVars
{
    private static readonly FrozenDictionary<string, string> Origins = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PORT"] = "the dyno manager sets it on web dynos; the new platform sets its own",
        ["DYNO"] = "the dyno manager sets it to the dyno's name (web.1)",
        ["HEROKU_APP_ID"] = "dyno metadata (labs: runtime-dyno-metadata)",
        ["HEROKU_APP_NAME"] = "dyno metadata (labs: runtime-dyno-metadata) and review apps",
        ["HEROKU_APP_DEFAULT_DOMAIN_NAME"] = "dyno metadata (labs: runtime-dyno-metadata)",
        ["HEROKU_DYNO_ID"] = "dyno metadata (labs: runtime-dyno-metadata)",
        ["HEROKU_RELEASE_CREATED_AT"] = "dyno metadata (labs: runtime-dyno-metadata)",
        ["HEROKU_RELEASE_VERSION"] = "dyno metadata (labs: runtime-dyno-metadata)",
        ["HEROKU_SLUG_COMMIT"] = "dyno metadata (labs: runtime-dyno-metadata)",
        ["HEROKU_SLUG_DESCRIPTION"] = "dyno metadata (labs: runtime-dyno-metadata)",
        ["HEROKU_BUILD_COMMIT"] = "build metadata (labs: runtime-dyno-build-metadata)",
        ["HEROKU_BUILD_DESCRIPTION"] = "build metadata (labs: runtime-dyno-build-metadata)",
        ["HEROKU_PARENT_APP_NAME"] = "review apps",
        ["HEROKU_BRANCH"] = "review apps",
        ["HEROKU_PR_NUMBER"] = "review apps",
        ["HEROKU_TEST_RUN_ID"] = "Heroku CI",
        ["HEROKU_TEST_RUN_BRANCH"] = "Heroku CI",
        ["HEROKU_TEST_RUN_COMMIT_VERSION"] = "Heroku CI",
        ["CI"] = "Heroku CI",
        ["SOURCE_VERSION"] = "the build system gives buildpacks the commit being built",
        ["STACK"] = "the build system gives buildpacks the stack name",
        ["JDBC_DATABASE_URL"] = "the Java buildpack derives it from DATABASE_URL at dyno boot",
        ["JDBC_DATABASE_USERNAME"] = "the Java buildpack derives it from DATABASE_URL at dyno boot",
        ["JDBC_DATABASE_PASSWORD"] = "the Java buildpack derives it from DATABASE_URL at dyno boot",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Names => Origins.Keys.Order(StringComparer.Ordinal);

    public static bool IsRuntime(string name) => Origins.ContainsKey(name);

    /// <summary>Who sets the var on Heroku, for the note that says it is dropped.</summary>
    public static string OriginOf(string name) =>
        Origins.TryGetValue(name, out var origin) ? origin : throw new KeyNotFoundException($"{name} is not a Heroku runtime var.");
}
