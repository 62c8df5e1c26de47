namespace HerokuToCloud.Inventory.Readers.InventoryYaml;

/// <summary>Reads the top-level add-ons section: each add-on once, with every app attachment.</summary>
internal static class InventoryAddonSection
{
    private static readonly string[] AddonKeys = ["name", "service", "plan", "options", "attachments"];
    private static readonly string[] AttachmentKeys = ["app", "name", "configVars"];

    public static (IReadOnlyList<Addon> Addons, AttachmentIndex Index) Read(IReadOnlyList<YamlCursor> nodes, IReadOnlyDictionary<string, YamlCursor> apps)
    {
        var index = new AttachmentIndex();
        var names = new Dictionary<string, YamlCursor>(StringComparer.Ordinal);
        var attachmentNames = new Dictionary<(string App, string Name), YamlCursor>();
        var addons = new List<Addon>();

        foreach (var node in nodes)
        {
            var map = node.Mapping(AddonKeys);
            var nameCursor = map.Require("name", "every add-on needs a name that is unique in the system (Heroku's add-on name, e.g. postgresql-rigid-12345)");
            var name = nameCursor.Scalar("the add-on's name");
            if (!HerokuNames.IsAddonName(name))
                throw nameCursor.Error($"'{name}' is not a valid add-on name; use letters, digits, '-' and '_', starting with a letter.");
            if (names.TryGetValue(name, out var earlier))
                throw nameCursor.Error($"the add-on name '{name}' is already used at line {earlier.Line}; add-on names are unique in a system.");
            names[name] = nameCursor;
            index.AddAddon(name);

            var serviceCursor = map.Require("service", "the add-on service, for example heroku-postgresql");
            var service = serviceCursor.Scalar("the add-on service");
            if (!HerokuNames.IsAddonService(service))
                throw serviceCursor.Error($"'{service}' is not an add-on service name; use the service part of the plan, for example heroku-postgresql or heroku-redis.");

            var planCursor = map.Require("plan", $"every add-on needs its plan, for example {ExamplePlan(service)} (heroku addons lists it)");
            var plan = planCursor.Scalar("the plan name");
            if (plan.Contains(':', StringComparison.Ordinal))
                throw planCursor.Error($"write only the plan ('{plan[(plan.IndexOf(':', StringComparison.Ordinal) + 1)..]}'); the service goes under 'service'.");
            if (!HerokuNames.IsPlanName(plan))
                throw planCursor.Error($"'{plan}' is not a plan name; use the plan as Heroku spells it, for example {ExamplePlan(service)}.");

            var attachments = new List<AddonAttachment>();
            foreach (var attachmentNode in map.List("attachments", "attachments (app, name, configVars)"))
                attachments.Add(ReadAttachment(attachmentNode, name, apps, index, attachmentNames));

            addons.Add(new Addon
            {
                Name = name,
                Service = service,
                Plan = plan,
                Options = ReadOptions(map.Get("options")),
                Attachments = attachments,
            });
        }

        return (addons, index);
    }

    private static AddonAttachment ReadAttachment(
        YamlCursor node,
        string addon,
        IReadOnlyDictionary<string, YamlCursor> apps,
        AttachmentIndex index,
        Dictionary<(string App, string Name), YamlCursor> attachmentNames)
    {
        var map = node.Mapping(AttachmentKeys);
        var appCursor = map.Require("app", "the app this add-on is attached to");
        var app = appCursor.Scalar("an app name");
        if (!apps.ContainsKey(app))
            throw appCursor.Error($"'{app}' is not an app of this inventory; attach the add-on to one of: {string.Join(", ", apps.Keys.Order(StringComparer.Ordinal))}, or add the app under 'apps'.");

        var nameCursor = map.Require("name", "the attachment name, for example DATABASE (the config var is then DATABASE_URL)");
        var name = nameCursor.Scalar("the attachment name");
        if (!HerokuNames.IsAttachmentName(name))
            throw nameCursor.Error($"'{name}' is not a valid attachment name; use upper-case letters, digits and '_', starting with a letter, for example DATABASE.");
        if (attachmentNames.TryGetValue((app, name), out var earlier))
            throw nameCursor.Error($"app '{app}' already has an attachment named {name} (line {earlier.Line}); attachment names are unique per app.");
        attachmentNames[(app, name)] = nameCursor;
        index.Attach(addon, app);

        var vars = new List<string>();
        foreach (var varCursor in map.List("configVars", "config var names"))
        {
            var var = varCursor.Scalar("a config var name");
            if (!HerokuNames.IsConfigVarName(var))
                throw varCursor.Error($"'{var}' is not a config var name; use letters, digits and '_', not starting with a digit.");
            if (index.Inject(app, var, addon, name) is { } injector)
                throw varCursor.Error($"{var} is already injected into '{app}' by add-on '{injector.Addon}' (attachment {injector.Attachment}); an app sees each config var once.");
            vars.Add(var);
        }

        return new AddonAttachment { App = app, Name = name, ConfigVars = vars };
    }

    private static IReadOnlyDictionary<string, string> ReadOptions(YamlCursor? node)
    {
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
            return options;
        foreach (var (key, keyCursor, value) in node.FreeMapping("option names to values").Entries)
        {
            if (key.Length == 0)
                throw keyCursor.Error("option names cannot be empty.");
            options[key] = value.IsNull ? "" : value.Scalar("a single option value (quote numbers such as \"15\" if you like)");
        }

        return options;
    }

    private static string ExamplePlan(string service) =>
        AddonCatalog.TryFind(service, out var known) && known.DefaultPlan is { } plan ? plan : "standard-0";
}
