using System.Globalization;
using System.Text;

namespace HerokuToCloud.Inventory.Readers.InventoryYaml;

/// <summary>
/// Writes a <see cref="HerokuSystem"/> as canonical inventory.yaml: fixed key order, every default
/// written out (so a reader sees what was decided), lists in model order, maps sorted by key,
/// quoting only where a YAML reader could misread a value, LF line endings. The same system always
/// gives the same bytes, and reading the output gives an equal system.
/// </summary>
public static class InventoryYamlWriter
{
    public const string Header =
        "# Heroku system inventory, format version 1 (docs/inventory-format.md).\n" +
        "# It names config vars and says where their values come from; it never holds a value.\n";

    public static string Write(HerokuSystem system)
    {
        var yaml = new Writer();
        yaml.Raw(Header);
        yaml.Scalar(0, "version", InventoryYamlReader.FormatVersion.ToString(CultureInfo.InvariantCulture), raw: true);
        yaml.Scalar(0, "system", system.Name);
        yaml.StringList(0, "sources", system.Sources);

        yaml.Key(0, "apps");
        foreach (var app in system.Apps)
            WriteApp(yaml, app);

        if (system.Addons.Count == 0)
            yaml.Line(0, "addons: []");
        else
            yaml.Key(0, "addons");
        foreach (var addon in system.Addons)
            WriteAddon(yaml, addon);

        yaml.StringList(0, "notes", system.Notes);
        return yaml.ToString();
    }

    private static void WriteApp(Writer yaml, HerokuApp app)
    {
        yaml.Item(2, "name", app.Name);
        yaml.OptionalScalar(4, "region", app.Region);
        yaml.OptionalScalar(4, "stack", app.Stack);
        if (app.Pipeline is { } pipeline)
        {
            yaml.Key(4, "pipeline");
            yaml.Scalar(6, "name", pipeline.Pipeline);
            yaml.Scalar(6, "stage", pipeline.Stage.ToString().ToLowerInvariant());
        }

        if (app.Build.Buildpacks.Count > 0 || app.Build.Dockerfiles.Count > 0)
        {
            yaml.Key(4, "build");
            yaml.StringList(6, "buildpacks", app.Build.Buildpacks);
            if (app.Build.Dockerfiles.Count > 0)
            {
                yaml.Key(6, "dockerfiles");
                foreach (var (type, path) in app.Build.Dockerfiles.OrderBy(d => d.Key, StringComparer.Ordinal))
                    yaml.Scalar(8, type, path);
            }
        }

        yaml.StringList(4, "features", app.Features);

        if (app.Processes.Count == 0)
            yaml.Line(4, "processes: []");
        else
            yaml.Key(4, "processes");
        foreach (var process in app.Processes)
        {
            yaml.Item(6, "type", process.Type);
            yaml.OptionalScalar(8, "command", process.Command);
            yaml.Scalar(8, "size", process.Size);
            yaml.Number(8, "quantity", process.Quantity);
            if (process.Port is { } port)
                yaml.Number(8, "port", port);
            if (process.Autoscaling is { } autoscaling)
            {
                yaml.Key(8, "autoscaling");
                yaml.Number(10, "min", autoscaling.Min);
                yaml.Number(10, "max", autoscaling.Max);
                if (autoscaling.P95ResponseTimeMs is { } p95)
                    yaml.Number(10, "p95ResponseTimeMs", p95);
            }
        }

        if (app.Release is { } release)
        {
            yaml.Key(4, "release");
            yaml.Scalar(6, "command", release.Command);
            yaml.Scalar(6, "size", release.Size);
        }

        yaml.OptionalScalar(4, "postDeploy", app.PostDeploy);

        if (app.Config.Count > 0)
            yaml.Key(4, "config");
        foreach (var var in app.Config)
        {
            yaml.Item(6, "name", var.Name);
            yaml.Scalar(8, "kind", var.Kind.ToString().ToLowerInvariant());
            yaml.OptionalScalar(8, "addon", var.Addon);
            yaml.Scalar(8, "source", InventoryAppSection.Spell(var.Value));
            yaml.Bool(8, "buildTime", var.BuildTime);
            yaml.Bool(8, "required", var.Required);
            yaml.OptionalScalar(8, "description", var.Description);
            yaml.OptionalScalar(8, "refersTo", var.RefersTo);
            yaml.OptionalScalar(8, "refersToApp", var.RefersToApp);
        }

        // Always present: Heroku has no API for Scheduler jobs, so this is the section teams fill in by hand.
        if (app.Scheduler.Count == 0)
            yaml.Line(4, "scheduler: []");
        else
            yaml.Key(4, "scheduler");
        foreach (var job in app.Scheduler)
        {
            yaml.Item(6, "name", job.Name);
            yaml.Scalar(8, "command", job.Command);
            yaml.Scalar(8, "frequency", job.Frequency.ToString());
            yaml.Scalar(8, "size", job.Size);
        }

        yaml.StringList(4, "domains", app.Domains.Select(d => d.Hostname).ToArray());
        yaml.StringList(4, "logDrains", app.LogDrains);
        yaml.StringList(4, "notes", app.Notes);
    }

    private static void WriteAddon(Writer yaml, Addon addon)
    {
        yaml.Item(2, "name", addon.Name);
        yaml.Scalar(4, "service", addon.Service);
        yaml.Scalar(4, "plan", addon.Plan);
        if (addon.Options.Count > 0)
        {
            yaml.Key(4, "options");
            foreach (var (key, value) in addon.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
                yaml.Scalar(6, key, value);
        }

        if (addon.Attachments.Count == 0)
            yaml.Line(4, "attachments: []");
        else
            yaml.Key(4, "attachments");
        foreach (var attachment in addon.Attachments)
        {
            yaml.Item(6, "app", attachment.App);
            yaml.Scalar(8, "name", attachment.Name);
            yaml.StringList(8, "configVars", attachment.ConfigVars);
        }
    }

    /// <summary>Block-style YAML lines; <c>indent</c> is the column of the key.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Raw(string text) => _text.Append(text);

        public void Line(int indent, string text) => _text.Append(' ', indent).Append(text).Append('\n');

        public void Key(int indent, string key) => Line(indent, YamlScalarText.Format(key) + ":");

        public void Scalar(int indent, string key, string value, bool raw = false) =>
            Line(indent, $"{YamlScalarText.Format(key)}: {(raw ? value : YamlScalarText.Format(value))}");

        public void OptionalScalar(int indent, string key, string? value)
        {
            if (value is not null)
                Scalar(indent, key, value);
        }

        public void Number(int indent, string key, int value) =>
            Scalar(indent, key, value.ToString(CultureInfo.InvariantCulture), raw: true);

        public void Bool(int indent, string key, bool value) => Scalar(indent, key, value ? "true" : "false", raw: true);

        /// <summary>Starts a list item (at <paramref name="indent"/>) whose first key is <paramref name="key"/>.</summary>
        public void Item(int indent, string key, string value) =>
            Line(indent, $"- {YamlScalarText.Format(key)}: {YamlScalarText.Format(value)}");

        public void StringList(int indent, string key, IReadOnlyList<string> values)
        {
            if (values.Count == 0)
                return;
            Key(indent, key);
            foreach (var value in values)
                Line(indent + 2, "- " + YamlScalarText.Format(value));
        }

        public override string ToString() => _text.ToString();
    }
}
