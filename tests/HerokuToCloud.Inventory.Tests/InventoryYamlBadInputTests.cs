using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests;

/// <summary>Every kind of bad inventory fails with file, line, column, key path and what to do.</summary>
public class InventoryYamlBadInputTests
{
    // Line numbers below refer to this text (line 1 is "version: 1").
    private const string Valid = """
        version: 1
        system: shop
        apps:
          - name: shop-web
            processes:
              - type: web
                command: bin/web
                size: standard-1x
                quantity: 1
            config:
              - name: DATABASE_URL
                kind: addon
                addon: shop-db
            scheduler:
              - command: bin/job
                frequency: hourly at :00
        addons:
          - name: shop-db
            service: heroku-postgresql
            plan: essential-0
            attachments:
              - app: shop-web
                name: DATABASE
                configVars:
                  - DATABASE_URL

        """;

    [Fact]
    public void The_base_text_is_valid()
    {
        var system = InventoryYamlReader.Read(Valid, "inventory.yaml");
        Assert.Equal("shop-web", system.Apps.Single().Name);
    }

    [Fact]
    public void A_chain_of_references_is_read()
    {
        var text = Valid.Replace("addon: shop-db\n", "addon: shop-db\n      - name: A_DB\n        refersTo: B_DB\n      - name: B_DB\n        refersTo: DATABASE_URL\n", StringComparison.Ordinal);

        var config = InventoryYamlReader.Read(text, "inventory.yaml").Apps.Single().Config;

        Assert.Equal("DATABASE_URL", ConfigReferences.FinalTarget(config, "A_DB"));
    }

    [Fact]
    public void A_reference_to_a_var_of_the_same_app_is_read_and_written_back()
    {
        var text = Valid.Replace("addon: shop-db\n", "addon: shop-db\n      - name: READ_DB\n        refersTo: DATABASE_URL\n", StringComparison.Ordinal);

        var system = InventoryYamlReader.Read(text, "inventory.yaml");

        Assert.Equal("DATABASE_URL", system.Apps.Single().Config.Single(c => c.Name == "READ_DB").RefersTo);
        Assert.Contains("        refersTo: DATABASE_URL\n", InventoryYamlWriter.Write(system), StringComparison.Ordinal);
    }

    // A second app whose var takes shop-web's DATABASE_URL; its refersToApp is line 21, its value at column 22.
    private const string Admin = "  - name: shop-admin\n    config:\n      - name: SHOP_DB_URL\n        refersTo: DATABASE_URL\n        refersToApp: shop-web\naddons:\n";

    [Fact]
    public void A_reference_to_another_apps_var_is_read_and_written_back()
    {
        // The same name in both apps is no loop: it names the other app's var.
        var text = Valid.Replace("addons:\n", Admin.Replace("SHOP_DB_URL", "DATABASE_URL", StringComparison.Ordinal), StringComparison.Ordinal);

        var system = InventoryYamlReader.Read(text, "inventory.yaml");

        var var = system.Apps[1].Config.Single();
        Assert.Equal(("DATABASE_URL", "shop-web"), (var.RefersTo, var.RefersToApp));
        Assert.Null(ConfigReferences.FinalTarget(system.Apps[1].Config, "DATABASE_URL"));
        Assert.Contains("        refersTo: DATABASE_URL\n        refersToApp: shop-web\n", InventoryYamlWriter.Write(system), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refersToApp: shop-web", "refersToApp: shop-wbe", 21, 22, "'shop-wbe' is not an app of this inventory; name one of: shop-admin, shop-web")]
    [InlineData("refersTo: DATABASE_URL", "refersTo: DATABSE_URL", 21, 22, "shop-web has no config var DATABSE_URL; name the var of shop-web whose value SHOP_DB_URL takes")]
    [InlineData("refersToApp: shop-web", "refersToApp: shop-admin", 21, 22, "'shop-admin' is SHOP_DB_URL's own app; remove refersToApp")]
    [InlineData("        refersTo: DATABASE_URL\n", "", 20, 22, "add refersTo with that var's name")]
    [InlineData("        refersToApp: shop-web\n", "        refersToApp: shop-web\n      - name: ADMIN_DB\n        refersTo: SHOP_DB_URL\n", 23, 19, "SHOP_DB_URL takes its value from shop-web's DATABASE_URL; give ADMIN_DB the same refersTo and refersToApp")]
    public void A_bad_reference_to_another_apps_var_is_located_and_explained(string find, string replace, int line, int column, string fragment)
    {
        var admin = Admin.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Admin, admin);
        var text = Valid.Replace("addons:\n", admin, StringComparison.Ordinal);

        var error = Errors.Throws(() => InventoryYamlReader.Read(text, "inventory.yaml"));

        Errors.Located(error, "inventory.yaml", line, column, null);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_another_apps_var_that_refers_on_itself_is_refused()
    {
        var text = Valid.Replace("addon: shop-db\n", "addon: shop-db\n      - name: READ_DB\n        refersTo: DATABASE_URL\n", StringComparison.Ordinal)
            .Replace("addons:\n", Admin.Replace("refersTo: DATABASE_URL", "refersTo: READ_DB", StringComparison.Ordinal), StringComparison.Ordinal);

        var error = Errors.Throws(() => InventoryYamlReader.Read(text, "inventory.yaml"));

        Errors.Located(error, "inventory.yaml", 23, 22, "apps[1].config[0].refersToApp");
        Assert.Contains("shop-web's READ_DB takes its value from DATABASE_URL itself; make SHOP_DB_URL refer to the var that holds the value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("size: standard-1x", "size: standard-3x", 8, 15, "apps[0].processes[0].size", "is not a Heroku dyno size")]
    [InlineData("    plan: essential-0\n", "", 18, 5, "addons[0]", "missing 'plan': every add-on needs its plan")]
    [InlineData("- app: shop-web", "- app: shop-wbe", 22, 14, "addons[0].attachments[0].app", "is not an app of this inventory; attach the add-on to one of: shop-web")]
    [InlineData("hourly at :00", "hourly at :05", 16, 20, "apps[0].scheduler[0].frequency", "runs hourly jobs at :00, :10, :20, :30, :40 or :50")]
    [InlineData("hourly at :00", "weekly", 16, 20, "apps[0].scheduler[0].frequency", "\"every 10 minutes\", \"hourly at :MM\" or \"daily at HH:MM\"")]
    [InlineData("quantity: 1", "quantity: -2", 9, 19, "apps[0].processes[0].quantity", "cannot be negative")]
    [InlineData("quantity: 1", "quantity: lots", 9, 19, "apps[0].processes[0].quantity", "is not a whole number")]
    [InlineData("quantity: 1", "quantity: 1\n        colour: blue", 10, 9, "apps[0].processes[0].colour", "unknown key 'colour'; allowed here: type, command, size, quantity, port, autoscaling")]
    [InlineData("quantity: 1", "quantity: 1\n        port: 70000", 10, 15, "apps[0].processes[0].port", "70000 is not a TCP port")]
    [InlineData("kind: addon", "kind: addon\n        value: s3cr3t", 13, 9, "apps[0].config[0].value", "Config var values never belong in the inventory")]
    [InlineData("version: 1", "version: 2", 1, 10, "version", "reads inventory format version 1")]
    [InlineData("version: 1\n", "", 1, 1, null, "missing 'version'")]
    [InlineData("system: shop\n", "", 1, 1, null, "missing 'system'")]
    [InlineData("system: shop", "system: \"my shop\"", 2, 9, "system", "is not a usable system name")]
    [InlineData("command: bin/web", "command: [bin/web", 8, 9, null, "the YAML cannot be read at this place")]
    [InlineData("command: bin/web", "command: \"bin/web", 7, 18, null, "This is not valid YAML")]
    [InlineData("size: standard-1x", "size: standard-1x\n        size: basic", 9, 9, null, "the key 'size' appears twice")]
    [InlineData("command: bin/web", "command: &cmd bin/web", 7, 18, "apps[0].processes[0].command", "anchors and aliases")]
    [InlineData("        kind: addon\n        addon: shop-db\n", "", 11, 15, "apps[0].config[0].name", "give it kind: addon and addon: shop-db")]
    [InlineData("addon: shop-db\n", "\n", 11, 9, "apps[0].config[0]", "has kind addon but no 'addon'")]
    [InlineData("addon: shop-db\n", "addon: shop-cache\n", 13, 16, "apps[0].config[0].addon", "is not an add-on of this inventory")]
    [InlineData("kind: addon", "kind: addon\n        source: secret-config", 13, 17, "apps[0].config[0].source", "gets its value from addon, not secret-config")]
    [InlineData("kind: addon", "kind: wizard", 12, 15, "apps[0].config[0].kind", "use team (set by you), addon")]
    [InlineData("          - DATABASE_URL\n", "          - DATABASE_URL\n          - DATABASE_URL\n", 26, 13, "addons[0].attachments[0].configVars[1]", "is already injected into 'shop-web'")]
    [InlineData("name: DATABASE\n", "name: database\n", 23, 15, "addons[0].attachments[0].name", "use upper-case letters")]
    [InlineData("plan: essential-0", "plan: heroku-postgresql:essential-0", 20, 11, "addons[0].plan", "write only the plan ('essential-0')")]
    [InlineData("service: heroku-postgresql", "service: Heroku Postgres", 19, 14, "addons[0].service", "is not an add-on service name")]
    [InlineData("- name: shop-web", "- name: Shop_Web", 4, 11, "apps[0].name", "is not a valid Heroku app name")]
    [InlineData("quantity: 1", "quantity: 1\n        autoscaling:\n          min: 1\n          max: 4", 11, 11, "apps[0].processes[0].autoscaling", "only Performance, Private and Shield dynos")]
    [InlineData("scheduler:", "domains:\n      - shop.herokuapp.com\n    scheduler:", 15, 9, "apps[0].domains[0]", "is one of Heroku's own names")]
    [InlineData("scheduler:", "domains:\n      - https://shop.example.com/\n    scheduler:", 15, 9, "apps[0].domains[0]", "is not a hostname")]
    [InlineData("scheduler:", "logDrains:\n      - https://user:pass@logs.example.com/drain\n    scheduler:", 15, 9, "apps[0].logDrains[0]", "carries credentials")]
    [InlineData("scheduler:", "pipeline:\n      name: shop\n      stage: qa\n    scheduler:", 16, 14, "apps[0].pipeline.stage", "is not a pipeline stage")]
    [InlineData("- type: web", "- type: release", 6, 15, "apps[0].processes[0].type", "is the release phase")]
    [InlineData("    scheduler:\n", "    processes:\n      - type: web\n    scheduler:\n", 14, 5, null, "the key 'processes' appears twice")]
    [InlineData("addons:\n", "  - name: shop-web\naddons:\n", 17, 11, "apps[1].name", "is already listed at line 4")]
    [InlineData("- command: bin/job", "- name: Job One\n        command: bin/job", 15, 15, "apps[0].scheduler[0].name", "is not a job name")]
    [InlineData("addon: shop-db\n", "addon: shop-db\n      - name: READ_DB\n        refersTo: DATABSE_URL\n", 15, 19, "apps[0].config[1].refersTo", "shop-web has no config var DATABSE_URL")]
    [InlineData("addon: shop-db\n", "addon: shop-db\n      - name: READ_DB\n        refersTo: $DATABASE_URL\n", 15, 19, "apps[0].config[1].refersTo", "is not a config var name")]
    [InlineData("kind: addon", "kind: addon\n        refersTo: READ_DB", 13, 19, "apps[0].config[0].refersTo", "only applies to a team var with source secret-config")]
    [InlineData("addon: shop-db\n", "addon: shop-db\n      - name: X_DB\n        refersTo: Y_DB\n      - name: Y_DB\n        refersTo: X_DB\n", 15, 19, "apps[0].config[1].refersTo", "the config vars X_DB, Y_DB of shop-web refer to each other in a loop (X_DB → Y_DB → X_DB), so none of them has a value; make one of them refersTo the var that holds the value")]
    [InlineData("addon: shop-db\n", "addon: shop-db\n      - name: A_DB\n        refersTo: Y_DB\n      - name: Y_DB\n        refersTo: Z_DB\n      - name: Z_DB\n        refersTo: Y_DB\n", 17, 19, "apps[0].config[2].refersTo", "(Y_DB → Z_DB → Y_DB)")]
    public void Bad_input_is_located_and_explained(string find, string replace, int line, int column, string? path, string fragment)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);

        var error = Errors.Throws(() => InventoryYamlReader.Read(text, "inventory.yaml"));

        Errors.Located(error, "inventory.yaml", line, column, path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("# only a comment\n", "the file is empty")]
    [InlineData("- version: 1\n", "expected a mapping of version, system, sources, apps, addons, notes")]
    [InlineData("version: 1\n---\nversion: 1\n", "more than one YAML document")]
    [InlineData("version: 1\nsystem: s\napps: x\n", "expected a list of apps")]
    [InlineData("version: 1\nsystem: s\napps: []\n", "lists no apps")]
    public void Whole_file_problems_are_reported_at_a_position(string text, string fragment)
    {
        var error = Errors.Throws(() => InventoryYamlReader.Read(text, "inventory.yaml"));
        Assert.Matches(@"^inventory\.yaml:\d+:\d+: ", error.Message);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_may_belong_to_one_app_only()
    {
        var text = Valid.Replace("scheduler:", "domains:\n      - shop.example.com\n    scheduler:", StringComparison.Ordinal)
            .Replace("addons:\n", "  - name: shop-admin\n    domains:\n      - Shop.Example.com\naddons:\n", StringComparison.Ordinal);

        var error = Errors.Throws(() => InventoryYamlReader.Read(text, "inventory.yaml"));

        Errors.Located(error, "inventory.yaml", 21, 9, "apps[1].domains[0]");
        Assert.Contains("shop.example.com is already a domain of 'shop-web'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Autoscaling_is_accepted_on_performance_web_dynos_and_refused_on_workers()
    {
        var web = Valid.Replace("size: standard-1x", "size: Performance-M", StringComparison.Ordinal)
            .Replace("quantity: 1", "quantity: 2\n        autoscaling:\n          min: 2\n          max: 6", StringComparison.Ordinal);
        Assert.Equal(new Autoscaling(2, 6), InventoryYamlReader.Read(web, "inventory.yaml").Apps[0].Processes[0].Autoscaling);

        var worker = web.Replace("- type: web", "- type: worker", StringComparison.Ordinal);
        var error = Errors.Throws(() => InventoryYamlReader.Read(worker, "inventory.yaml"));
        Errors.Located(error, "inventory.yaml", 11, 11, "apps[0].processes[0].autoscaling");
        Assert.Contains("only web processes", error.Message, StringComparison.Ordinal);

        var inverted = web.Replace("max: 6", "max: 1", StringComparison.Ordinal);
        Assert.Contains("is below the minimum", Errors.Throws(() => InventoryYamlReader.Read(inverted, "inventory.yaml")).Message, StringComparison.Ordinal);
    }
}
