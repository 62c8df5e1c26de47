using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests;

public class HerokuYmlCaptureTests
{
    private static HerokuSystem Docker() => AppManifestReader.Read(Fixture.Manifests("docker"));

    [Fact]
    public void Run_defines_the_processes_and_the_procfile_is_ignored_with_a_note()
    {
        var app = Docker().Apps.Single();

        Assert.Equal(["web|node server.js", "worker|node worker.js", "cron-runner|"], app.Processes.Select(p => $"{p.Type}|{p.Command}"));
        Assert.Equal(["standard-2x", "standard-1x", "standard-1x"], app.Processes.Select(p => p.Size));
        Assert.Contains("docker/Procfile is not used: docker/heroku.yml defines the processes, and Heroku runs heroku.yml's instead of the Procfile's.", app.Notes);
    }

    [Fact]
    public void Docker_builds_map_process_types_to_dockerfiles_including_images_reused_by_run()
    {
        var app = Docker().Apps.Single();

        Assert.Equal("container", app.Stack);
        Assert.Equal(
            ["cron-runner=Dockerfile", "migrator=ops/Dockerfile.migrate", "web=Dockerfile", "worker=Dockerfile"],
            app.Build.Dockerfiles.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
        Assert.Contains("docker/heroku.yml builds migrator from the 'migrate' stage of its Dockerfile; the new build must target the same stage.", app.Notes);
        Assert.Contains("docker/heroku.yml installs the packages libvips into the build; the new build must install them too.", app.Notes);
        Assert.Contains("docker/app.json sets the stack heroku-24, but docker/heroku.yml builds Docker images, which run on the container stack; container is recorded.", app.Notes);
    }

    [Fact]
    public void The_release_command_list_becomes_one_command_line()
    {
        Assert.Equal("./bin/migrate --all", Docker().Apps.Single().Release!.Command);
    }

    [Fact]
    public void Setup_addons_merge_with_app_json_by_attachment_and_app_json_plans_win()
    {
        var system = Docker();

        Assert.Equal(["DATABASE:heroku-postgresql:essential-1", "REDIS:heroku-redis:premium-0", "QUEUE:cloudamqp:lemur"],
            system.Addons.Select(a => $"{a.Attachments.Single().Name}:{a.Service}:{a.Plan}"));
        Assert.Equal("16", system.Addons[0].Options["version"]);
        Assert.Equal("eu", system.Addons[2].Options["region"]);
        Assert.Contains("docker/app.json and docker/heroku.yml give REDIS (heroku-redis) different plans, premium-0 and mini; premium-0 is recorded.", system.Apps.Single().Notes);
    }

    [Fact]
    public void Setup_config_names_are_team_vars_and_build_config_names_are_build_time()
    {
        var config = Docker().Apps.Single().Config.ToDictionary(c => c.Name);

        Assert.Equal((ConfigVarKind.Team, false), (config["LOG_LEVEL"].Kind, config["LOG_LEVEL"].BuildTime));
        Assert.True(config["BUILD_FLAVOR"].BuildTime);
        Assert.True(config["NPM_TOKEN"].BuildTime);
        Assert.Equal("Upstream API token.", config["API_TOKEN"].Description); // app.json's declaration is kept
        Assert.Equal(ConfigVarKind.Addon, config["REDIS_URL"].Kind);
        Assert.Equal(["QUEUE_APIKEY", "QUEUE_URL"], config.Keys.Where(k => k.StartsWith("QUEUE", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_setup_config_value_naming_another_var_is_a_reference_as_in_app_json()
    {
        const string Yml = "setup:\n  addons:\n    - plan: heroku-postgresql\n  config:\n    READ_DB: $DATABASE_URL\n    MODE: web\n";

        var app = AppManifestReader.Read(new AppManifests(null, null, new ManifestFile("heroku.yml", Yml), "x-app")).Apps.Single();

        // Without it secrets push asked for READ_DB's Heroku value, the old database's URL.
        Assert.Equal("DATABASE_URL", app.Config.Single(c => c.Name == "READ_DB").RefersTo);
        Assert.Null(app.Config.Single(c => c.Name == "MODE").RefersTo);
        Assert.Contains(app.Notes, n => n.StartsWith("heroku.yml sets READ_DB to the value of DATABASE_URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Setup_config_values_naming_each_other_in_a_loop_are_refused_where_they_are_set()
    {
        const string Yml = "setup:\n  config:\n    MODE: web\n    X_DB: $Y_DB\n    Y_DB: ${X_DB}\n";

        var error = Errors.Throws(() => AppManifestReader.Read(new AppManifests(null, null, new ManifestFile("heroku.yml", Yml), "x-app")));

        Errors.Located(error, "heroku.yml", 4, 5, "setup.config.X_DB");
        Assert.Contains("X_DB (heroku.yml line 4 (setup.config.X_DB)), Y_DB (heroku.yml line 5 (setup.config.Y_DB))", error.Message, StringComparison.Ordinal);
        Assert.Contains("in a loop (X_DB → Y_DB → X_DB)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_through_app_json_and_heroku_yml_is_recorded_hop_by_hop()
    {
        const string Yml = "setup:\n  addons:\n    - plan: heroku-postgresql\n  config:\n    B_DB: $DATABASE_URL\n";
        var appJson = new ManifestFile("app.json", "{ \"env\": { \"A_DB\": \"$B_DB\" } }");

        var config = AppManifestReader.Read(new AppManifests(appJson, null, new ManifestFile("heroku.yml", Yml), "x-app")).Apps.Single().Config;

        Assert.Equal("B_DB", config.Single(c => c.Name == "A_DB").RefersTo);
        Assert.Equal("DATABASE_URL", ConfigReferences.FinalTarget(config, "A_DB"));
    }

    [Fact]
    public void No_heroku_yml_config_value_reaches_the_inventory()
    {
        var yaml = HerokuToCloud.Inventory.Readers.InventoryYaml.InventoryYamlWriter.Write(Docker());

        Assert.DoesNotContain("abc", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("slim", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(": info", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Languages_select_heroku_buildpacks_and_run_without_docker_still_defines_processes()
    {
        var system = AppManifestReader.Read(new AppManifests(
            null,
            new ManifestFile("Procfile", "web: old-binary\n"),
            new ManifestFile("heroku.yml", "build:\n  languages:\n    - go\nrun:\n  web: new-binary\n"),
            "gopher"));

        var app = system.Apps.Single();
        Assert.Equal(["heroku/go"], app.Build.Buildpacks);
        Assert.Equal("new-binary", app.Processes.Single().Command);
        Assert.Null(app.Stack);
        Assert.Contains("heroku.yml build.languages selects Heroku's language buildpacks; recorded as heroku/go.", app.Notes);
    }

    [Fact]
    public void A_heroku_yml_with_only_buildpacks_leaves_processes_to_the_procfile_and_app_json_buildpacks_win()
    {
        var system = AppManifestReader.Read(new AppManifests(
            new ManifestFile("app.json", """{ "buildpacks": [ { "url": "heroku/ruby" } ] }"""),
            new ManifestFile("Procfile", "web: bin/web\n"),
            new ManifestFile("heroku.yml", "build:\n  buildpacks:\n    - heroku/metrics\n    - heroku/ruby\n"),
            "triage"));

        var app = system.Apps.Single();
        Assert.Equal("bin/web", app.Processes.Single().Command);
        Assert.Equal(["heroku/ruby"], app.Build.Buildpacks);
        Assert.Contains("heroku.yml lists other buildpacks (heroku/metrics, heroku/ruby) than app.json; app.json's are recorded.", app.Notes);
    }

    [Fact]
    public void Docker_without_run_runs_each_image_cmd()
    {
        var app = AppManifestReader.Read(new AppManifests(null, null, new ManifestFile("heroku.yml", "build:\n  docker:\n    web: Dockerfile\n    worker: Dockerfile\n"), "images")).Apps.Single();

        Assert.Equal(["web", "worker"], app.Processes.Select(p => p.Type));
        Assert.All(app.Processes, p => Assert.Null(p.Command));
    }

    [Theory]
    [InlineData("run:\n  web: [x\n", 3, null, "This is not valid YAML")]
    [InlineData("run:\n  web server: bin/web\n", 2, "run['web server']", "is not a process type")]
    [InlineData("setup:\n  addons:\n    - plan: heroku-postgresql\n      as: db\n", 3, "setup.addons[0].plan", "'db' is not a valid attachment name")]
    [InlineData("setup:\n  addons:\n    - as: DATABASE\n", 3, "setup.addons[0]", "missing 'plan'")]
    [InlineData("setup:\n  addons:\n    - plan: heroku-redis\n      options:\n        \"\": 7\n", 5, "setup.addons[0].options['']", "an add-on option needs a name")]
    [InlineData("build:\n  languages:\n    - ruby\n    - go lang\n", 4, "build.languages[1]", "'go lang' is not a language name")]
    [InlineData("setup:\n  config:\n    bad-name: 1\n", 3, "setup.config.bad-name", "is not a config var name")]
    [InlineData("release:\n  command: []\n", 2, "release.command", "the command list is empty")]
    [InlineData("build:\n  docker: Dockerfile\n", 2, "build.docker", "expected a mapping of process types to Dockerfile paths")]
    [InlineData("- build\n", 1, null, "expected a mapping of setup, build, release and run")]
    public void Bad_heroku_yml_is_located(string yml, int line, string? path, string fragment)
    {
        var error = Errors.Throws(() => AppManifestReader.Read(new AppManifests(null, null, new ManifestFile("heroku.yml", yml), "x-app")));

        Errors.Located(error, "heroku.yml", line, path: path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
