using System.Text.Json;
using System.Text.Json.Nodes;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.PlatformApi;
using HerokuToCloud.Tests.Fakes;
using static HerokuToCloud.Tests.Fakes.HerokuResources;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

public sealed class PlatformApiReaderTests : IDisposable
{
    private readonly FakeHerokuApi _api = new();
    private readonly RecordingRetry _retry = new();

    public PlatformApiReaderTests() => ShopSystem.Serve(_api);

    public void Dispose() => _api.Dispose();

    private async Task<PlatformCapture> CaptureAsync(bool secrets = false, string? system = null, int pageSize = 1000, params string[] apps)
    {
        using var client = _retry.ClientFor(_api, pageSize: pageSize);
        var request = new PlatformCaptureRequest
        {
            Apps = apps.Length > 0 ? apps : [ShopSystem.Web, ShopSystem.Worker],
            SystemName = system,
            IncludeSecretValues = secrets,
        };
        return await new PlatformApiReader(client).CaptureAsync(request);
    }

    [Fact]
    public async Task A_team_var_holding_a_copy_of_a_datastore_url_refers_to_it_and_its_value_is_not_kept()
    {
        // READ_DB was set with `heroku config:set READ_DB=$(heroku config:get DATABASE_URL)`: the Heroku URL.
        var databaseUrl = ShopSystem.DroppedValues[(ShopSystem.Web, "DATABASE_URL")];
        var values = ShopSystem.KeptValues.Concat(ShopSystem.DroppedValues).Where(kv => kv.Key.App == ShopSystem.Web)
            .Select(kv => (kv.Key.Var, kv.Value)).Append(("READ_DB", databaseUrl)).Append(("RAILS_ENV_COPY", "production")).ToArray();
        _api.Json($"/apps/{ShopSystem.Web}/config-vars", ConfigVars(values));

        var capture = await CaptureAsync(secrets: true);

        var web = capture.System.Apps[0];
        // DATABASE_URL and HEROKU_POSTGRESQL_ONYX_URL hold the same URL too; the first by name is named.
        Assert.Equal("DATABASE_URL", web.Config.Single(c => c.Name == "READ_DB").RefersTo);
        Assert.Null(web.Config.Single(c => c.Name == "RAILS_ENV_COPY").RefersTo);
        Assert.Contains(web.Notes, n => n.StartsWith("READ_DB has the same value as DATABASE_URL", StringComparison.Ordinal));
        Assert.DoesNotContain("READ_DB", capture.Secrets!.NamesFor(ShopSystem.Web));
        Assert.DoesNotContain(databaseUrl, capture.Secrets.ToYaml(), StringComparison.Ordinal);
        // It reads back: the reference names a var of the same app.
        Assert.Equal("DATABASE_URL", InventoryYamlReader.Read(InventoryYamlWriter.Write(capture.System), "inventory.yaml").Apps[0].Config.Single(c => c.Name == "READ_DB").RefersTo);
    }

    [Fact]
    public async Task A_var_set_by_hand_to_another_apps_database_url_refers_to_it_there_and_is_not_copied()
    {
        var databaseUrl = ShopSystem.ServeWorkerWithWebsDatabaseUrlSetByHand(_api);

        var capture = await CaptureAsync(secrets: true);

        var worker = capture.System.Apps[1];
        var var = worker.Config.Single(c => c.Name == "DATABASE_URL");
        Assert.Equal((ConfigVarKind.Team, "DATABASE_URL", ShopSystem.Web), (var.Kind, var.RefersTo, var.RefersToApp));
        Assert.DoesNotContain("DATABASE_URL", capture.Secrets!.NamesFor(ShopSystem.Worker));
        Assert.DoesNotContain("DATABASE_URL", SecretConfigVars.ToSupply(capture.System, worker));
        // Handled, so no warning; the app's note says what was recorded and how Heroku itself would keep it right.
        Assert.DoesNotContain(capture.Warnings, w => w.Contains("has the same value as", StringComparison.Ordinal));
        var note = Assert.Single(worker.Notes, n => n.StartsWith("DATABASE_URL has the same value as shop-web's DATABASE_URL", StringComparison.Ordinal));
        Assert.Contains($"which add-on {ShopSystem.Postgres} (heroku-postgresql) injects there; recorded as refersTo DATABASE_URL with refersToApp shop-web", note, StringComparison.Ordinal);
        Assert.Contains($"`heroku addons:attach {ShopSystem.Postgres} -a shop-worker`", note, StringComparison.Ordinal);
        var yaml = capture.Secrets.ToYaml();
        Assert.Contains("# shop-worker: not included: DATABASE_URL", yaml, StringComparison.Ordinal);
        // The value itself goes nowhere: not the file, the inventory, a note or a warning.
        var inventory = InventoryYamlWriter.Write(capture.System);
        foreach (var text in capture.Warnings.Append(yaml).Append(inventory))
            Assert.DoesNotContain(databaseUrl, text, StringComparison.Ordinal);
        Assert.Equal(ShopSystem.KeptValues[(ShopSystem.Worker, "SECRET_KEY_BASE")], capture.Secrets.ValueOf(ShopSystem.Worker, "SECRET_KEY_BASE"));
        // It reads back.
        var read = InventoryYamlReader.Read(inventory, "inventory.yaml").Apps[1].Config.Single(c => c.Name == "DATABASE_URL");
        Assert.Equal(("DATABASE_URL", ShopSystem.Web), (read.RefersTo, read.RefersToApp));
    }

    [Fact]
    public async Task A_copy_of_another_apps_database_url_is_recorded_without_secrets_out_too()
    {
        ShopSystem.ServeWorkerWithWebsDatabaseUrlSetByHand(_api);

        var capture = await CaptureAsync();

        Assert.Null(capture.Secrets);
        Assert.Equal(ShopSystem.Web, capture.System.Apps[1].Config.Single(c => c.Name == "DATABASE_URL").RefersToApp);
    }

    [Fact]
    public async Task A_copy_of_another_apps_value_that_is_not_a_rebuilt_datastores_url_is_copied()
    {
        // Papertrail is kept as secret config, and another app's team value is the team's: both travel as before.
        var token = ShopSystem.KeptValues[(ShopSystem.Web, "PAPERTRAIL_API_TOKEN")];
        var secretKeyBase = ShopSystem.KeptValues[(ShopSystem.Web, "SECRET_KEY_BASE")];
        ShopSystem.ServeWorkerWithWebsDatabaseUrlSetByHand(_api, ("LOG_TOKEN", token), ("WEB_SECRET_KEY_BASE", secretKeyBase));

        var capture = await CaptureAsync(secrets: true);

        Assert.Equal(token, capture.Secrets!.ValueOf(ShopSystem.Worker, "LOG_TOKEN"));
        Assert.Equal(secretKeyBase, capture.Secrets.ValueOf(ShopSystem.Worker, "WEB_SECRET_KEY_BASE"));
        Assert.DoesNotContain("DATABASE_URL", capture.Secrets.NamesFor(ShopSystem.Worker));
        Assert.Equal((null, null), (capture.System.Apps[1].Config.Single(c => c.Name == "LOG_TOKEN").RefersTo, capture.System.Apps[1].Config.Single(c => c.Name == "LOG_TOKEN").RefersToApp));
    }

    [Fact]
    public async Task Two_team_vars_with_one_value_do_not_refer_to_each_other_and_copies_of_an_add_on_var_refer_to_it_alone()
    {
        // Only an add-on's var is referred to, and it refers to nothing: no direction between two team vars, so no loop.
        var databaseUrl = ShopSystem.DroppedValues[(ShopSystem.Web, "DATABASE_URL")];
        const string Shared = "canary-team-shared-0123456789";
        var values = ShopSystem.KeptValues.Concat(ShopSystem.DroppedValues).Where(kv => kv.Key.App == ShopSystem.Web)
            .Select(kv => (kv.Key.Var, kv.Value))
            .Concat([("TOKEN_A", Shared), ("TOKEN_B", Shared), ("READ_DB", databaseUrl), ("REPORTS_DB", databaseUrl)]).ToArray();
        _api.Json($"/apps/{ShopSystem.Web}/config-vars", ConfigVars(values));

        var capture = await CaptureAsync(secrets: true);

        var config = capture.System.Apps[0].Config;
        Assert.Null(config.Single(c => c.Name == "TOKEN_A").RefersTo);
        Assert.Null(config.Single(c => c.Name == "TOKEN_B").RefersTo);
        Assert.Equal("DATABASE_URL", config.Single(c => c.Name == "READ_DB").RefersTo);
        Assert.Equal("DATABASE_URL", config.Single(c => c.Name == "REPORTS_DB").RefersTo);
        Assert.Empty(ConfigReferences.FirstLoop(config));
        Assert.Equal(Shared, capture.Secrets!.ValueOf(ShopSystem.Web, "TOKEN_B"));
    }

    [Fact]
    public async Task A_custom_domain_the_inventory_cannot_hold_is_noted_not_dropped_silently()
    {
        _api.List($"/apps/{ShopSystem.Web}/domains",
        [
            Domain(500, ShopSystem.Web, ShopSystem.WebId, "shop-web-0123456789ab.herokuapp.com", "heroku"),
            Domain(501, ShopSystem.Web, ShopSystem.WebId, "WWW.Shop.Example.", "custom"),
            Domain(502, ShopSystem.Web, ShopSystem.WebId, "_acme.shop.example", "custom"),
        ]);

        var web = (await CaptureAsync()).System.Apps[0];

        // A root dot and capitals are spelling; an underscore label is no routable hostname.
        Assert.Equal(["www.shop.example"], web.Domains.Select(d => d.Hostname));
        Assert.Contains(web.Notes, n => n.StartsWith("the custom domain '_acme.shop.example' is not a hostname", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Captures_apps_with_region_stack_buildpacks_pipeline_and_features()
    {
        var system = (await CaptureAsync()).System;

        Assert.Equal("shop", system.Name);
        Assert.Equal([ShopSystem.Web, ShopSystem.Worker], system.Apps.Select(a => a.Name));
        var web = system.Apps[0];
        Assert.Equal("us", web.Region);
        Assert.Equal("heroku-24", web.Stack);
        Assert.Equal(["heroku/nodejs", "heroku/ruby"], web.Build.Buildpacks);
        Assert.Equal(new PipelineCoupling("shop", PipelineStage.Production), web.Pipeline);
        Assert.Equal(["preboot", "runtime-dyno-metadata"], web.Features);
        Assert.True(web.HasFeature("preboot"));

        var worker = system.Apps[1];
        Assert.Null(worker.Pipeline);
        Assert.Empty(worker.Features);
        Assert.Equal(["heroku/ruby"], worker.Build.Buildpacks);
        Assert.Equal(["heroku platform api (apps: shop-web, shop-worker)"], system.Sources);
    }

    [Fact]
    public async Task Formation_becomes_processes_and_the_release_phase()
    {
        var system = (await CaptureAsync()).System;

        var web = system.Apps[0];
        Assert.Equal(["web", "console"], web.Processes.Select(p => p.Type));
        var process = web.Processes[0];
        Assert.Equal("bundle exec puma -C config/puma.rb", process.Command);
        Assert.Equal("performance-m", process.Size);
        Assert.Equal(2, process.Quantity);
        Assert.Equal(0, web.Processes[1].Quantity);
        Assert.Equal(new ReleasePhase("bundle exec rails db:migrate", "standard-2x"), web.Release);
        Assert.Contains(web.Notes, n => n.Contains("autoscaling", StringComparison.Ordinal));

        var worker = system.Apps[1];
        Assert.Equal(
            [("clock", "bundle exec clockwork clock.rb", "standard-1x", 1), ("worker", "bundle exec sidekiq -C config/sidekiq.yml", "standard-2x", 3)],
            worker.Processes.Select(p => (p.Type, p.Command!, p.Size, p.Quantity)));
        Assert.Null(worker.Release);
    }

    [Fact]
    public async Task A_shared_postgres_appears_once_with_every_captured_attachment()
    {
        var system = (await CaptureAsync()).System;

        Assert.Equal([ShopSystem.Papertrail, ShopSystem.Postgres, ShopSystem.Redis, ShopSystem.Scheduler], system.Addons.Select(a => a.Name));
        var postgres = system.Addons.Single(a => a.Name == ShopSystem.Postgres);
        Assert.Equal("heroku-postgresql", postgres.Service);
        Assert.Equal("standard-0", postgres.Plan);
        Assert.Equal(
        [
            (ShopSystem.Web, "DATABASE", "DATABASE_URL"),
            (ShopSystem.Web, "HEROKU_POSTGRESQL_ONYX", "HEROKU_POSTGRESQL_ONYX_URL"),
            (ShopSystem.Worker, "PRIMARY_DB", "PRIMARY_DB_URL"),
        ], postgres.Attachments.Select(a => (a.App, a.Name, string.Join(",", a.ConfigVars))));

        var redis = system.Addons.Single(a => a.Name == ShopSystem.Redis);
        Assert.Equal(("heroku-redis", "premium-0"), (redis.Service, redis.Plan));
        Assert.All(redis.Attachments, a => Assert.Equal(["REDIS_TLS_URL", "REDIS_URL"], a.ConfigVars));
        Assert.Equal([ShopSystem.Web, ShopSystem.Worker], redis.Attachments.Select(a => a.App));

        Assert.Contains(system.Notes, n => n.Contains(ShopSystem.Postgres, StringComparison.Ordinal) && n.Contains("shop-analytics as ANALYTICS_DB", StringComparison.Ordinal));
        Assert.Empty(system.Addons.Single(a => a.Name == ShopSystem.Scheduler).Attachments.Single().ConfigVars);
    }

    [Fact]
    public async Task Config_vars_are_classified_by_who_sets_them()
    {
        var system = (await CaptureAsync()).System;

        var web = system.Apps[0].Config.ToDictionary(c => c.Name);
        Assert.Equal(
            ["DATABASE_URL", "HEROKU_APP_NAME", "HEROKU_POSTGRESQL_ONYX_URL", "LANG", "MULTILINE_PEM", "NEXT_PUBLIC_API_BASE", "PAPERTRAIL_API_TOKEN", "RAILS_ENV", "REDIS_TLS_URL", "REDIS_URL", "SECRET_KEY_BASE"],
            system.Apps[0].Config.Select(c => c.Name));

        Assert.Equal((ConfigVarKind.Addon, ShopSystem.Postgres, ConfigValueSource.Addon), (web["DATABASE_URL"].Kind, web["DATABASE_URL"].Addon, web["DATABASE_URL"].Value));
        Assert.Equal(ShopSystem.Postgres, web["HEROKU_POSTGRESQL_ONYX_URL"].Addon);
        Assert.Equal(ShopSystem.Redis, web["REDIS_TLS_URL"].Addon);
        Assert.Equal(ShopSystem.Papertrail, web["PAPERTRAIL_API_TOKEN"].Addon);
        Assert.Equal((ConfigVarKind.Runtime, ConfigValueSource.Platform), (web["HEROKU_APP_NAME"].Kind, web["HEROKU_APP_NAME"].Value));
        Assert.Equal((ConfigVarKind.Team, ConfigValueSource.SecretConfig, false), (web["SECRET_KEY_BASE"].Kind, web["SECRET_KEY_BASE"].Value, web["SECRET_KEY_BASE"].BuildTime));
        Assert.True(web["NEXT_PUBLIC_API_BASE"].BuildTime);
        // Recorded by its kind only: a note as well made generate report the dropped var twice.
        Assert.DoesNotContain(system.Apps[0].Notes, n => n.Contains("HEROKU_APP_NAME", StringComparison.Ordinal));

        var worker = system.Apps[1].Config.ToDictionary(c => c.Name);
        Assert.Equal(ShopSystem.Postgres, worker["PRIMARY_DB_URL"].Addon);
        Assert.Equal(ConfigVarKind.Team, worker["SIDEKIQ_CONCURRENCY"].Kind);
    }

    [Fact]
    public async Task Custom_domains_only_and_drains_without_credentials()
    {
        var system = (await CaptureAsync()).System;

        var web = system.Apps[0];
        Assert.Equal(["api.shop.example", "www.shop.example"], web.Domains.Select(d => d.Hostname));
        Assert.Empty(system.Apps[1].Domains);
        Assert.Equal(["https://logs.example.com:8443", "syslog+tls://logs5.papertrailapp.com:12345"], web.LogDrains);
        Assert.Contains(web.Notes, n => n.Contains("log drain to syslog+tls://logs5.papertrailapp.com:12345 (added by add-on papertrail-flat-11111)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scheduler_is_reported_as_not_capturable_with_empty_sections()
    {
        var capture = await CaptureAsync();

        Assert.All(capture.System.Apps, a => Assert.Empty(a.Scheduler));
        var warning = Assert.Single(capture.Warnings);
        Assert.Contains("Heroku Scheduler has no public API", warning);
        Assert.Contains("Apps with the Scheduler add-on: shop-worker", warning);
        Assert.DoesNotContain(capture.System.Notes, n => n.Contains("Scheduler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_small_pages_gives_the_same_inventory()
    {
        var whole = (await CaptureAsync()).System;
        _api.PageSize = 1;
        var paged = (await CaptureAsync(pageSize: 1)).System;

        Assert.Equal(Serialize(whole), Serialize(paged));
        Assert.Contains(_api.Requests, r => r.Range?.StartsWith("id ]", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Capture_is_deterministic()
    {
        var first = Serialize((await CaptureAsync()).System);
        var second = Serialize((await CaptureAsync()).System);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_inventory_and_warnings_hold_no_config_var_value()
    {
        var capture = await CaptureAsync(secrets: true);

        var everything = Serialize(capture.System) + string.Join("\n", capture.Warnings) + capture.ToString();
        foreach (var canary in ShopSystem.AllCanaries)
            Assert.DoesNotContain(canary, everything);
    }

    [Fact]
    public async Task Secret_values_are_kept_only_when_asked_and_only_for_team_vars_and_add_ons_not_rebuilt()
    {
        Assert.Null((await CaptureAsync()).Secrets);

        var secrets = (await CaptureAsync(secrets: true)).Secrets!;

        Assert.Equal(["LANG", "MULTILINE_PEM", "NEXT_PUBLIC_API_BASE", "PAPERTRAIL_API_TOKEN", "RAILS_ENV", "SECRET_KEY_BASE"], secrets.NamesFor(ShopSystem.Web));
        Assert.Equal(["SECRET_KEY_BASE", "SIDEKIQ_CONCURRENCY"], secrets.NamesFor(ShopSystem.Worker));
        foreach (var ((app, name), value) in ShopSystem.KeptValues)
            Assert.Equal(value, secrets.ValueOf(app, name));
        foreach (var (app, name) in ShopSystem.DroppedValues.Keys)
            Assert.Null(secrets.ValueOf(app, name));
        Assert.DoesNotContain("canary", secrets.ToString());
    }

    [Fact]
    public async Task System_name_comes_from_the_option_first()
    {
        var system = (await CaptureAsync(system: "storefront")).System;

        Assert.Equal("storefront", system.Name);
    }

    [Fact]
    public async Task A_single_app_in_a_pipeline_is_named_after_the_pipeline()
    {
        var system = (await CaptureAsync(apps: ShopSystem.Web)).System;

        Assert.Equal("shop", system.Name);
        Assert.Contains(system.Notes, n => n.Contains("belongs to app", StringComparison.Ordinal) == false && n.Contains("shop-worker as PRIMARY_DB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_add_on_owned_by_an_app_outside_the_capture_is_noted()
    {
        var system = (await CaptureAsync(apps: ShopSystem.Worker)).System;

        Assert.Contains(system.Notes, n => n.StartsWith($"add-on {ShopSystem.Postgres} (heroku-postgresql:standard-0) belongs to app shop-web", StringComparison.Ordinal));
        Assert.Equal(ShopSystem.Worker, system.Name);
    }

    [Fact]
    public async Task Attachment_config_vars_included_by_heroku_win_over_the_derivation()
    {
        var postgres = Addon(300, ShopSystem.Postgres, "heroku-postgresql:standard-0", ShopSystem.Web, ShopSystem.WebId, "DATABASE_URL");
        var redis = Addon(310, ShopSystem.Redis, "heroku-redis:premium-0", ShopSystem.Web, ShopSystem.WebId, "REDIS_URL", "REDIS_TLS_URL");
        var scheduler = Addon(330, ShopSystem.Scheduler, "scheduler:standard", ShopSystem.Worker, ShopSystem.WorkerId);
        var primary = Attachment(410, "PRIMARY_DB", ShopSystem.Worker, ShopSystem.WorkerId, postgres);
        primary["config_vars"] = new JsonArray("PRIMARY_DB_URL", "PRIMARY_DB_READONLY_URL");
        _api.List($"/apps/{ShopSystem.Worker}/addon-attachments",
            [primary, Attachment(411, "REDIS", ShopSystem.Worker, ShopSystem.WorkerId, redis), Attachment(412, "SCHEDULER", ShopSystem.Worker, ShopSystem.WorkerId, scheduler)]);

        var system = (await CaptureAsync(apps: ShopSystem.Worker)).System;

        var attachment = system.Addons.Single(a => a.Name == ShopSystem.Postgres).Attachments.Single();
        Assert.Equal(["PRIMARY_DB_READONLY_URL", "PRIMARY_DB_URL"], attachment.ConfigVars);
        Assert.All(_api.RequestsTo($"/apps/{ShopSystem.Worker}/addon-attachments"), r => Assert.Equal("config_vars", r.AcceptInclusion));
    }

    [Fact]
    public async Task An_unknown_app_fails_with_a_not_found_message_naming_it()
    {
        var error = await Assert.ThrowsAsync<InventoryException>(() => CaptureAsync(apps: [ShopSystem.Web, "shop-typo"]));

        Assert.Contains("Heroku app 'shop-typo' was not found (404 Not Found): check the name", error.Message);
    }

    [Fact]
    public async Task No_access_to_an_app_names_the_app_and_the_account()
    {
        _api.Error($"/apps/{ShopSystem.Worker}", 403, "forbidden", "You do not have access to the app shop-worker.");

        var error = await Assert.ThrowsAsync<InventoryException>(() => CaptureAsync());

        Assert.Contains("the Heroku account ops@example.com has no access to app 'shop-worker'", error.Message);
    }

    [Fact]
    public async Task No_access_to_config_vars_explains_the_permission_and_scope()
    {
        _api.Error($"/apps/{ShopSystem.Web}/config-vars", 403, "forbidden", "Insufficient scope.");

        var error = await Assert.ThrowsAsync<InventoryException>(() => CaptureAsync());

        Assert.Contains("has no access to the config vars of app 'shop-web' (403 Forbidden: Insufficient scope.)", error.Message);
        Assert.Contains("read-protected scope", error.Message);
    }

    [Fact]
    public async Task Spaces_generations_and_container_stacks_become_notes()
    {
        _api.Json($"/apps/{ShopSystem.Worker}", App(ShopSystem.WorkerId, ShopSystem.Worker, stack: "container", generation: "fir", space: "shop-space", shield: true, internalRouting: true));

        var worker = (await CaptureAsync(apps: ShopSystem.Worker)).System.Apps.Single();

        Assert.Equal("container", worker.Stack);
        Assert.Contains(worker.Notes, n => n.Contains("Private Space shop-space (Shield", StringComparison.Ordinal));
        Assert.Contains(worker.Notes, n => n.Contains("fir generation", StringComparison.Ordinal));
        Assert.Contains(worker.Notes, n => n.Contains("capture --heroku-yml", StringComparison.Ordinal));
        Assert.Contains(worker.Notes, n => n.Contains("internal routing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_captured_inventory_writes_and_reads_back_as_inventory_yaml()
    {
        var system = (await CaptureAsync()).System;

        var yaml = InventoryYamlWriter.Write(system);
        var reread = InventoryYamlReader.Read(yaml, "captured.yaml");

        Assert.Equal(yaml, InventoryYamlWriter.Write(reread));
        Assert.Contains("    scheduler: []\n", yaml);
        Assert.Equal(system.Apps.Sum(a => a.Config.Count), reread.Apps.Sum(a => a.Config.Count));
    }

    [Fact]
    public async Task Names_the_inventory_cannot_hold_are_left_out_with_a_note_instead_of_failing()
    {
        _api.Json($"/apps/{ShopSystem.Worker}/config-vars", ConfigVars(("GOOD", "1"), ("my.dotted-var", "canary-odd-name-value")));
        _api.List($"/apps/{ShopSystem.Worker}/features", [Feature(710, "Odd_Feature", true), Feature(711, "preboot", true)]);
        _api.List($"/apps/{ShopSystem.Worker}/domains", [Domain(510, ShopSystem.Worker, ShopSystem.WorkerId, "not a host", "custom")]);

        var capture = await CaptureAsync(secrets: true, apps: ShopSystem.Worker);

        var worker = capture.System.Apps.Single();
        Assert.Equal(["GOOD"], worker.Config.Select(c => c.Name));
        Assert.Equal(["preboot"], worker.Features);
        Assert.Empty(worker.Domains);
        Assert.Contains(worker.Notes, n => n.Contains("'my.dotted-var' has a name a shell cannot export", StringComparison.Ordinal));
        Assert.DoesNotContain("canary-odd-name-value", capture.Secrets!.ToYaml());
        InventoryYamlReader.Read(InventoryYamlWriter.Write(capture.System), "captured.yaml");
    }

    [Fact]
    public async Task A_dyno_size_heroku2cloud_does_not_know_is_captured_as_the_default_with_a_note_naming_it()
    {
        _api.List($"/apps/{ShopSystem.Worker}/formation",
            [Formation(210, ShopSystem.Worker, "worker", "bundle exec sidekiq", 3, "Mega-9X")]);

        var system = (await CaptureAsync(apps: ShopSystem.Worker)).System;

        var worker = system.Apps.Single();
        Assert.Equal(("worker", "standard-1x", 3), (worker.Processes[0].Type, worker.Processes[0].Size, worker.Processes[0].Quantity));
        Assert.Contains(worker.Notes, n => n.Contains("process worker of shop-worker runs on dyno size 'Mega-9X'", StringComparison.Ordinal));
        InventoryYamlReader.Read(InventoryYamlWriter.Write(system), "captured.yaml");
    }

    [Fact]
    public async Task Two_attachments_never_inject_the_same_var_into_one_app()
    {
        var postgres = Addon(300, ShopSystem.Postgres, "heroku-postgresql:standard-0", ShopSystem.Web, ShopSystem.WebId, "DATABASE_URL");
        var redis = Addon(310, ShopSystem.Redis, "heroku-redis:premium-0", ShopSystem.Web, ShopSystem.WebId, "REDIS_URL", "REDIS_TLS_URL");
        var scheduler = Addon(330, ShopSystem.Scheduler, "scheduler:standard", ShopSystem.Worker, ShopSystem.WorkerId);
        var first = Attachment(410, "PRIMARY_DB", ShopSystem.Worker, ShopSystem.WorkerId, postgres);
        first["config_vars"] = new JsonArray("SHARED_URL", "PRIMARY_DB_URL");
        var second = Attachment(411, "REDIS", ShopSystem.Worker, ShopSystem.WorkerId, redis);
        second["config_vars"] = new JsonArray("SHARED_URL", "REDIS_URL");
        _api.List($"/apps/{ShopSystem.Worker}/addon-attachments", [first, second, Attachment(412, "SCHEDULER", ShopSystem.Worker, ShopSystem.WorkerId, scheduler)]);

        var system = (await CaptureAsync(apps: ShopSystem.Worker)).System;

        Assert.Equal(["PRIMARY_DB_URL", "SHARED_URL"], system.Addons.Single(a => a.Name == ShopSystem.Postgres).Attachments.Single().ConfigVars);
        Assert.Equal(["REDIS_URL"], system.Addons.Single(a => a.Name == ShopSystem.Redis).Attachments.Single().ConfigVars);
        InventoryYamlReader.Read(InventoryYamlWriter.Write(system), "captured.yaml");
    }

    [Fact]
    public async Task Progress_reports_each_app()
    {
        var lines = new List<string>();
        using var client = _retry.ClientFor(_api);

        await new PlatformApiReader(client).CaptureAsync(
            new PlatformCaptureRequest { Apps = [ShopSystem.Web, ShopSystem.Worker] },
            new Progress(lines.Add));

        Assert.Contains("reading app shop-web (1/2)", lines);
        Assert.Contains("reading app shop-worker (2/2)", lines);
    }

    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }

    private static string Serialize(HerokuSystem system) =>
        JsonSerializer.Serialize(system, new JsonSerializerOptions { WriteIndented = true });
}
