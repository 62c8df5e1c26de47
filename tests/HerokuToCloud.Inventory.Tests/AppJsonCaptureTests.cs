using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests;

public class AppJsonCaptureTests
{
    private static HerokuSystem Rails() => AppManifestReader.Read(Fixture.Manifests("rails"));

    private static HerokuApp Capture(string appJson, string? procfile = "web: bin/web\n") =>
        AppManifestReader.Read(Fixture.AppJson(appJson, procfile)).Apps.Single();

    private static HerokuSystem CaptureSystem(string appJson, string? procfile = "web: bin/web\n") =>
        AppManifestReader.Read(Fixture.AppJson(appJson, procfile));

    [Fact]
    public void Processes_come_from_the_procfile_with_the_formation_applied()
    {
        var app = Rails().Apps.Single();

        Assert.Equal(
            ["web|bundle exec puma -C config/puma.rb|standard-2x|2", "worker|bundle exec sidekiq -c 5|basic|0", "clock|bundle exec clockwork clock.rb|standard-1x|1"],
            app.Processes.Select(p => $"{p.Type}|{p.Command}|{p.Size}|{p.Quantity}"));
        Assert.Equal(new ReleasePhase("bundle exec rails db:migrate", "performance-m"), app.Release);
        Assert.Equal("bundle exec rails db:seed", app.PostDeploy);
    }

    [Fact]
    public void Assumptions_and_ignored_formation_are_noted()
    {
        var notes = Rails().Apps.Single().Notes;

        Assert.Contains(notes, n => n.StartsWith("worker: quantity 0, as Heroku gives a process type that was never scaled (rails/app.json formation gives no quantity)", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("formation sets ghost (line 34), but no process in rails/Procfile has that type", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("sizes worker as 'hobby', Heroku's older name for basic", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.StartsWith("web: quantity", StringComparison.Ordinal) || n.StartsWith("clock: quantity", StringComparison.Ordinal));
    }

    [Fact]
    public void A_process_without_formation_gets_Herokus_default_web_one_dyno_others_none_with_a_note()
    {
        var app = Capture("""{ "name": "plain" }""", "web: bin/web\nworker: bin/worker\n");

        Assert.Equal([1, 0], app.Processes.Select(p => p.Quantity));
        Assert.Equal([DynoSizes.Default, DynoSizes.Default], app.Processes.Select(p => p.Size));
        Assert.Single(app.Notes, n => n.StartsWith("worker: quantity 0, as Heroku gives a process type that was never scaled (app.json has no formation for it)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"heroku-postgresql\"", "heroku-postgresql", "essential-0", "DATABASE", "DATABASE_URL", "")]
    [InlineData("\"heroku-postgresql:standard-0\"", "heroku-postgresql", "standard-0", "DATABASE", "DATABASE_URL", "")]
    [InlineData("\"heroku-postgresql:basic --version=15\"", "heroku-postgresql", "basic", "DATABASE", "DATABASE_URL", "version=15")]
    [InlineData("\"heroku-postgresql:basic --version 15 --fork\"", "heroku-postgresql", "basic", "DATABASE", "DATABASE_URL", "fork=true,version=15")]
    [InlineData("\"heroku-redis\"", "heroku-redis", "mini", "REDIS", "REDIS_URL,REDIS_TLS_URL", "")]
    [InlineData("\"scheduler\"", "scheduler", "standard", "SCHEDULER", "", "")]
    [InlineData("{ \"plan\": \"heroku-redis:premium-0\", \"as\": \"REDIS_CACHE\", \"options\": { \"version\": \"7\" } }", "heroku-redis", "premium-0", "REDIS_CACHE", "REDIS_CACHE_URL,REDIS_CACHE_TLS_URL", "version=7")]
    [InlineData("{ \"plan\": \"jawsdb-maria:kitefin\", \"as\": \"WP_DB\" }", "jawsdb-maria", "kitefin", "WP_DB", "WP_DB_URL", "")]
    [InlineData("{ \"plan\": \"jawsdb:blacktip\", \"options\": { \"version\": 5.7 } }", "jawsdb", "blacktip", "JAWSDB", "JAWSDB_URL", "version=5.7")]
    [InlineData("\"newrelic:wayne\"", "newrelic", "wayne", "NEW_RELIC", "NEW_RELIC_LICENSE_KEY,NEW_RELIC_LOG", "")]
    [InlineData("\"memcachier:dev\"", "memcachier", "dev", "MEMCACHIER", "MEMCACHIER_SERVERS,MEMCACHIER_USERNAME,MEMCACHIER_PASSWORD", "")]
    [InlineData("\"sendgrid:starter\"", "sendgrid", "starter", "SENDGRID", "SENDGRID_USERNAME,SENDGRID_PASSWORD", "")]
    [InlineData("\"papertrail:choklad\"", "papertrail", "choklad", "PAPERTRAIL", "PAPERTRAIL_API_TOKEN", "")]
    [InlineData("\"cloudamqp:tiger\"", "cloudamqp", "tiger", "CLOUDAMQP", "CLOUDAMQP_URL,CLOUDAMQP_APIKEY", "")]
    [InlineData("\"bonsai\"", "bonsai", "default", "BONSAI", "BONSAI_URL", "")]
    [InlineData("\"mongolab\"", "mongolab", "default", "MONGOLAB", "MONGOLAB_URI", "")]
    [InlineData("\"redisgreen\"", "redisgreen", "default", "REDISGREEN", "REDISGREEN_URL", "")]
    [InlineData("\"sentry\"", "sentry", "default", "SENTRY", "SENTRY_DSN", "")]
    [InlineData("\"scout\"", "scout", "default", "SCOUT", "SCOUT_KEY,SCOUT_MONITOR", "")]
    [InlineData("\"acme-widgets:pro\"", "acme-widgets", "pro", "ACME_WIDGETS", "ACME_WIDGETS_URL", "")]
    public void Addon_declarations_resolve_plan_attachment_and_injected_vars(string declaration, string service, string plan, string attachment, string vars, string options)
    {
        var system = CaptureSystem($$"""{ "name": "shop", "addons": [ {{declaration}} ] }""");

        var addon = system.Addons.Single();
        Assert.Equal((service, plan), (addon.Service, addon.Plan));
        var attached = addon.Attachments.Single();
        Assert.Equal(("shop", attachment), (attached.App, attached.Name));
        Assert.Equal(vars.Split(',', StringSplitOptions.RemoveEmptyEntries), attached.ConfigVars);
        Assert.Equal(options, string.Join(",", addon.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")));
        Assert.Equal($"shop-{attachment.ToLowerInvariant().Replace('_', '-')}", addon.Name);

        // Every injected var is in the app's config as an add-on var, never as a team var.
        var config = system.Apps.Single().Config;
        Assert.All(attached.ConfigVars, v => Assert.Contains(config, c => c.Name == v && c.Kind == ConfigVarKind.Addon && c.Addon == addon.Name && c.Value == ConfigValueSource.Addon));
    }

    [Fact]
    public void A_bare_string_instead_of_an_addons_array_is_one_addon()
    {
        var system = CaptureSystem("""{ "name": "httpbin", "addons": "sentry" }""");

        Assert.Equal("sentry", system.Addons.Single().Service);
    }

    [Fact]
    public void An_unknown_default_plan_is_a_warning_while_it_is_default_never_a_note_and_unknown_services_are_noted()
    {
        var app = Rails().Apps.Single();
        var system = Rails();

        var papertrail = system.Addons.Single(a => a.Service == "papertrail");
        Assert.Equal("default", papertrail.Plan);
        // A note outlived the fix: the inventory kept it, and generate repeated it, after the team set the plan.
        Assert.DoesNotContain(app.Notes, n => n.Contains("papertrail", StringComparison.Ordinal));
        Assert.Contains(InventoryWarnings.For(system), w => w.StartsWith($"add-on {papertrail.Name} (papertrail) has the plan 'default'", StringComparison.Ordinal));
        Assert.Null(InventoryWarnings.PlanToSet(papertrail with { Plan = "choklad" }));
        Assert.Contains(app.Notes, n => n.StartsWith("acme-widgets is not in heroku2cloud's add-on catalog; its attachment ACME_WIDGETS is assumed to inject ACME_WIDGETS_URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_Scheduler_jobs_are_a_warning_while_the_section_is_empty_never_a_note_the_inventory_keeps()
    {
        var system = Rails();
        var app = system.Apps.Single();

        Assert.DoesNotContain(app.Notes, n => n.Contains("Scheduler", StringComparison.Ordinal));
        Assert.Contains(InventoryWarnings.For(system), w => w.StartsWith($"{app.Name} has Heroku Scheduler but its scheduler section is empty", StringComparison.Ordinal));

        var listed = system with { Apps = [app with { Scheduler = [new ScheduledJob { Name = "nightly", Command = "rake nightly", Frequency = SchedulerFrequency.Daily(2, 30) }] }] };
        Assert.DoesNotContain(InventoryWarnings.For(listed), w => w.Contains("Scheduler", StringComparison.Ordinal));
    }

    [Fact]
    public void Env_entries_are_classified_and_described_by_name()
    {
        var config = Rails().Apps.Single().Config.ToDictionary(c => c.Name);

        Assert.Equal(ConfigValueSource.Generated, config["SECRET_KEY_BASE"].Value);
        Assert.Equal("Signs cookies.", config["SECRET_KEY_BASE"].Description);
        Assert.Equal((ConfigVarKind.Team, ConfigValueSource.SecretConfig, true), (config["STRIPE_KEY"].Kind, config["STRIPE_KEY"].Value, config["STRIPE_KEY"].Required));
        Assert.False(config["FEATURE_BETA"].Required);
        Assert.True(config["REACT_APP_API_ROOT"].BuildTime);
        Assert.False(config["RAILS_ENV"].BuildTime);
        Assert.Equal(ConfigVarKind.Team, config["WEB_CONCURRENCY"].Kind);

        // Declared in env but injected by an attachment: the add-on's var, with the declaration's description.
        Assert.Equal((ConfigVarKind.Addon, "kettle-co-shop-database"), (config["DATABASE_URL"].Kind, config["DATABASE_URL"].Addon));
        Assert.Equal("Set by Heroku Postgres.", config["DATABASE_URL"].Description);
        Assert.Equal((ConfigVarKind.Addon, "kettle-co-shop-cache"), (config["CACHE_SERVERS"].Kind, config["CACHE_SERVERS"].Addon));

        // Heroku's own vars: runtime, value from the platform.
        Assert.Equal((ConfigVarKind.Runtime, ConfigValueSource.Platform), (config["PORT"].Kind, config["PORT"].Value));
        Assert.Equal(ConfigVarKind.Runtime, config["HEROKU_APP_NAME"].Kind);
    }

    [Fact]
    public void Var_references_are_explained_in_notes_and_runtime_vars_only_by_their_kind()
    {
        var notes = Rails().Apps.Single().Notes;

        // inventory show and generate report runtime vars from their kind; a note as well would say it twice.
        Assert.DoesNotContain(notes, n => n.Contains("PORT", StringComparison.Ordinal) || n.Contains("HEROKU_APP_NAME", StringComparison.Ordinal));
        Assert.Contains(notes, n => n == "rails/app.json sets JOBS_REDIS to the value of REDIS_URL, which add-on kettle-co-shop-redis injects; recorded as refersTo, so JOBS_REDIS gets the URL of the datastore that replaces it.");
        Assert.Equal("REDIS_URL", Rails().Apps.Single().Config.Single(c => c.Name == "JOBS_REDIS").RefersTo);
    }

    [Fact]
    public void No_env_value_reaches_the_inventory()
    {
        var yaml = InventoryYamlWriter.Write(Rails());

        Assert.DoesNotContain("sk_live_do_not_leak_7f3a9c", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("https://api.kettle.example.com", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("5000", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("staging", yaml, StringComparison.Ordinal); // environments.review.env value
    }

    [Fact]
    public void Scripts_environments_image_and_unknown_keys_become_notes_while_descriptive_keys_are_accepted()
    {
        var notes = Rails().Apps.Single().Notes;

        Assert.Contains("rails/app.json runs postdeploy on a standard-2x dyno; the inventory records only its command.", notes);
        Assert.Contains("rails/app.json defines scripts.pr-predestroy, which heroku2cloud does not migrate (it runs before a review app is destroyed).", notes);
        Assert.Contains("rails/app.json defines scripts.test, which heroku2cloud does not migrate (Heroku CI runs it; run it in your CI instead).", notes);
        Assert.Contains("rails/app.json environments.test configures Heroku CI (scripts, addons); review apps and Heroku CI are not migrated.", notes);
        Assert.Contains("rails/app.json environments.review configures review apps (formation, env); review apps and Heroku CI are not migrated.", notes);
        Assert.Contains(notes, n => n.StartsWith("rails/app.json names a base \"image\"", StringComparison.Ordinal));
        Assert.Contains("rails/app.json has the key \"license\", which is not part of Heroku's app.json schema; it is ignored.", notes);
        Assert.DoesNotContain(notes, n => n.Contains("\"website\"", StringComparison.Ordinal) || n.Contains("\"keywords\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Stack_and_buildpacks_are_recorded_in_order()
    {
        var app = Rails().Apps.Single();

        Assert.Equal("heroku-22", app.Stack);
        Assert.Equal(["heroku/nodejs", "heroku/ruby"], app.Build.Buildpacks);
        Assert.Empty(app.Build.Dockerfiles);
    }

    [Fact]
    public void Postdeploy_as_a_plain_string_and_legacy_array_formation_are_read()
    {
        var app = Capture("""
            {
              "scripts": { "postdeploy": "bin/setup" },
              "formation": [ { "process": "web", "quantity": 3, "size": "PERFORMANCE-L" } ]
            }
            """);

        Assert.Equal("bin/setup", app.PostDeploy);
        Assert.Equal(("performance-l", 3), (app.Processes.Single().Size, app.Processes.Single().Quantity));
    }

    [Fact]
    public void A_key_written_twice_keeps_the_last_value_and_says_so()
    {
        var app = Capture("""
            {
              "stack": "heroku-20",
              "name": "twice",
              "stack": "heroku-22"
            }
            """);

        Assert.Equal("heroku-22", app.Stack);
        Assert.Contains("app.json sets \"stack\" more than once (lines 2, 4); the last one is used, as Heroku does.", app.Notes);
    }

    [Theory]
    [InlineData("Start on Heroku: Node.js", "start-on-heroku-node-js", true)]
    [InlineData("emigrate-backend", "emigrate-backend", false)]
    [InlineData("Code Triage ", "code-triage", true)]
    [InlineData("2048 Game", "app-2048-game", true)]
    [InlineData("A very long application name that Heroku would never accept", "a-very-long-application-name-t", true)]
    public void The_app_name_is_derived_from_app_json_name_with_a_note_when_it_changed(string declared, string expected, bool noted)
    {
        var app = Capture($$"""{ "name": "{{declared}}" }""");

        Assert.Equal(expected, app.Name);
        Assert.True(HerokuNames.IsAppName(app.Name));
        Assert.Equal(noted, app.Notes.Any(n => n.StartsWith($"The app name '{expected}' is derived from the app.json name", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_derived_name_among_several_apps_is_fixed_in_app_json_as_capture_takes_no_name_for_several()
    {
        var system = AppManifestReader.Read(
            [new AppManifests(null, new ManifestFile("Procfile", "web: x\n"), null, "Web_App"), new AppManifests(null, new ManifestFile("Procfile", "worker: y\n"), null, "jobs")],
            "shop");

        Assert.Contains(
            "The app name 'web-app' is derived from the directory 'Web_App'; if the real Heroku app name differs, set it as \"name\" in the app's app.json and capture again (--name names an app only when capturing one).",
            system.Apps[0].Notes);
    }

    [Fact]
    public void Without_an_app_json_name_the_directory_names_the_app_and_an_explicit_name_wins()
    {
        var fromDirectory = AppManifestReader.Read(new AppManifests(null, new ManifestFile("Procfile", "web: x\n"), null, "My_Service")).Apps.Single();
        Assert.Equal("my-service", fromDirectory.Name);
        Assert.Contains("The app name 'my-service' is derived from the directory 'My_Service'; if the real Heroku app name differs, capture again with --name REAL-NAME.", fromDirectory.Notes);

        var named = AppManifestReader.Read(Fixture.AppJson("""{ "name": "Whatever" }""", "web: x\n"), appName: "real-name", systemName: "the-system");
        Assert.Equal(("real-name", "the-system"), (named.Apps.Single().Name, named.Name));
        Assert.DoesNotContain(named.Apps.Single().Notes, n => n.StartsWith("The app name", StringComparison.Ordinal));
    }

    [Fact]
    public void The_system_is_named_after_the_app_by_default_and_lists_its_sources()
    {
        var system = Rails();

        Assert.Equal("kettle-co-shop", system.Name);
        Assert.Equal(["rails/app.json", "rails/Procfile"], system.Sources);
        Assert.All(system.Apps, a => Assert.Empty(a.Scheduler));
    }

    [Fact]
    public void Capturing_twice_gives_byte_identical_inventories()
    {
        Assert.Equal(InventoryYamlWriter.Write(Rails()), InventoryYamlWriter.Write(Rails()));
    }

    [Fact]
    public void Several_apps_make_one_system_and_keep_their_own_addons()
    {
        var system = AppManifestReader.Read(
            [Fixture.AppJson("""{ "name": "one", "addons": ["heroku-postgresql"] }"""), Fixture.AppJson("""{ "name": "two", "addons": ["heroku-postgresql"] }""")],
            "pair");

        Assert.Equal("pair", system.Name);
        Assert.Equal(["one", "two"], system.Apps.Select(a => a.Name));
        Assert.Equal(["one-database", "two-database"], system.Addons.Select(a => a.Name));
    }

    [Fact]
    public void A_procfile_alone_is_enough()
    {
        var system = AppManifestReader.Read(Fixture.Manifests("procfile-only"));

        var app = system.Apps.Single();
        Assert.Equal("procfile-only", app.Name);
        Assert.Equal(["web", "worker"], app.Processes.Select(p => p.Type));
        Assert.Contains(app.Notes, n => n.StartsWith("worker: quantity 0, as Heroku gives a process type that was never scaled (no app.json formation says how many)", StringComparison.Ordinal));
        Assert.Empty(system.Addons);
    }

    [Fact]
    public void An_app_json_without_a_procfile_has_no_processes_and_says_why()
    {
        var app = Capture("""{ "name": "lonely", "formation": { "web": { "quantity": 1 } } }""", procfile: null);

        Assert.Empty(app.Processes);
        Assert.Contains(app.Notes, n => n.StartsWith("No Procfile was given, so the app has no processes", StringComparison.Ordinal));
        Assert.Contains(app.Notes, n => n.Contains("formation sets web (line 1), but no process in Procfile has that type", StringComparison.Ordinal));
    }
}
