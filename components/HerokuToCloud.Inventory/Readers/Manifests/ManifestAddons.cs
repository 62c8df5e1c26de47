namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// Turns add-on declarations (app.json, then heroku.yml setup) into the app's add-ons: Heroku's default
/// plan and attachment name where the manifest gives none, the config vars each attachment injects
/// (from <see cref="AddonCatalog"/>), and one add-on per attachment when both files declare it.
/// </summary>
internal static class ManifestAddons
{
    public static IReadOnlyList<Addon> Resolve(string app, IEnumerable<AddonDeclaration> declarations, List<string> notes)
    {
        var resolved = new List<Declared>();
        foreach (var declaration in declarations)
        {
            var attachment = declaration.As ?? AddonCatalog.Describe(declaration.Service).DefaultAttachment;
            // An unknown service's default attachment is its name in capitals, which may start with a digit.
            if (!HerokuNames.IsAttachmentName(attachment))
                throw declaration.Where.Error($"{declaration.Service} has no valid default attachment name ({attachment} starts with a digit); give it an \"as\" name, for example ADDON_{attachment}.");
            var existing = resolved.FirstOrDefault(r => r.Attachment == attachment);
            if (existing is null)
            {
                resolved.Add(new Declared(declaration, attachment));
                continue;
            }

            var earlier = existing.First;
            if (earlier.Service != declaration.Service)
                throw declaration.Where.Error($"the attachment name {attachment} is already taken by {earlier.Service} ({earlier.Where.Describe()}); give one of them a different \"as\" name.");
            if (earlier.Where.File == declaration.Where.File)
                throw declaration.Where.Error($"{declaration.Service} is declared twice with the attachment name {attachment} (also {earlier.Where.Describe()}); give the second one its own \"as\" name, for example {attachment}_2.");
            existing.Merge(declaration, notes);
        }

        return resolved.Select(r => r.ToAddon(app, notes)).ToArray();
    }

    /// <summary>One attachment's declarations, merged across app.json and heroku.yml.</summary>
    private sealed class Declared(AddonDeclaration first, string attachment)
    {
        private readonly SortedDictionary<string, string> _options = new(first.Options.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        private string? _plan = first.Plan;

        public AddonDeclaration First { get; } = first;

        public string Attachment { get; } = attachment;

        public void Merge(AddonDeclaration other, List<string> notes)
        {
            if (_plan is not null && other.Plan is not null && _plan != other.Plan)
                notes.Add($"{First.Where.File} and {other.Where.File} give {Attachment} ({First.Service}) different plans, {_plan} and {other.Plan}; {_plan} is recorded.");
            _plan ??= other.Plan;
            foreach (var (key, value) in other.Options)
                _options.TryAdd(key, value);
        }

        public Addon ToAddon(string app, List<string> notes)
        {
            var service = First.Service;
            var known = AddonCatalog.TryFind(service, out var entry);
            var description = AddonCatalog.Describe(service);
            var plan = _plan ?? description.DefaultPlan ?? AddonCatalog.UnknownDefaultPlan;
            if (!known)
                notes.Add($"{service} is not in heroku2cloud's add-on catalog; its attachment {Attachment} is assumed to inject {Attachment}_URL. Check heroku config and correct the attachment's configVars.");
            // No note for a plan to fill in (recorded as 'default', or Heroku CI's in-dyno), nor for Heroku
            // Scheduler: a note stays in the inventory after the team has set the plan or listed the jobs,
            // and generate kept repeating it. Capture and inventory show warn from the add-ons and scheduler
            // sections themselves for as long as the gap is there (InventoryWarnings).

            return new Addon
            {
                Name = $"{app}-{Attachment.ToLowerInvariant().Replace('_', '-')}",
                Service = service,
                Plan = plan,
                Options = _options,
                Attachments = [new AddonAttachment { App = app, Name = Attachment, ConfigVars = description.ConfigVarsFor(Attachment) }],
            };
        }
    }
}
