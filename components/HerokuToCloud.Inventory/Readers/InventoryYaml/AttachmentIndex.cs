namespace HerokuToCloud.Inventory.Readers.InventoryYaml;

/// <summary>Which add-on injects which config var into which app, built from the add-ons section.</summary>
internal sealed class AttachmentIndex
{
    private readonly Dictionary<(string App, string Var), (string Addon, string Attachment)> _injected = [];
    private readonly HashSet<(string Addon, string App)> _attached = [];
    private readonly HashSet<string> _addonNames = new(StringComparer.Ordinal);

    public IReadOnlySet<string> AddonNames => _addonNames;

    public void AddAddon(string addon) => _addonNames.Add(addon);

    public void Attach(string addon, string app) => _attached.Add((addon, app));

    /// <summary>Records an injected var; returns the earlier injector when the var is already taken in that app.</summary>
    public (string Addon, string Attachment)? Inject(string app, string var, string addon, string attachment)
    {
        if (_injected.TryGetValue((app, var), out var earlier))
            return earlier;
        _injected[(app, var)] = (addon, attachment);
        return null;
    }

    public bool IsAttached(string addon, string app) => _attached.Contains((addon, app));

    public (string Addon, string Attachment)? InjectorOf(string app, string var) =>
        _injected.TryGetValue((app, var), out var injector) ? injector : null;
}
