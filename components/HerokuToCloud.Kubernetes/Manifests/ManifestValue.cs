namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// A property value resolved for plain Kubernetes YAML: a literal (string, number, bool, list, map)
/// or, for what only Pulumi can produce, a <see cref="Deferred"/> marker that must never reach a file.
/// </summary>
internal abstract record ManifestValue;

internal sealed record ScalarText(string Text) : ManifestValue;

internal sealed record ScalarNumber(decimal Number) : ManifestValue;

internal sealed record ScalarBool(bool Flag) : ManifestValue;

internal sealed record ScalarNull : ManifestValue;

internal sealed record SequenceValue(IReadOnlyList<ManifestValue> Items) : ManifestValue;

internal sealed record MappingValue(IReadOnlyList<KeyValuePair<string, ManifestValue>> Entries) : ManifestValue
{
    public ManifestValue? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;
}

/// <summary>
/// A value Pulumi resolves at deploy time and plain manifests cannot hold: secret config, a random
/// provider result, or a string built from them. <see cref="Parts"/> keeps the literal text and the
/// named inputs in order, so the secrets script can rebuild the value from environment variables.
/// </summary>
internal sealed record Deferred(IReadOnlyList<DeferredPart> Parts) : ManifestValue;

internal abstract record DeferredPart;

internal sealed record LiteralPart(string Text) : DeferredPart;

/// <summary>A secret input the team supplies as an environment variable when creating the Secrets.</summary>
internal sealed record InputPart(string Variable, string Description) : DeferredPart;
