namespace HerokuToCloud.Landing;

/// <summary>
/// How findings and errors point into the inventory: the same bracketed paths everywhere, so a
/// person can find the entry to change in inventory.yaml.
/// </summary>
internal static class InventoryKeys
{
    public const string System = "system";

    public static string App(string app) => $"apps[{app}]";

    public static string Process(string app, string type) => $"{App(app)}.processes[{type}]";

    public static string Config(string app, string var) => $"{App(app)}.config[{var}]";

    public static string Job(string app, string job) => $"{App(app)}.scheduler[{job}]";

    public static string Addon(string addon) => $"addons[{addon}]";

    public static string Attachment(string addon, string app, string name) => $"{Addon(addon)}.attachments[{app}/{name}]";
}
