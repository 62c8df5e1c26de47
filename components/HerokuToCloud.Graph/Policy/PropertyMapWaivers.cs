namespace HerokuToCloud.Graph.Policy;

/// <summary>
/// Waivers kept as entries of a string map property whose keys are a prefix plus the rule id and whose
/// values are the reason: AWS tags (<c>tags</c>, <c>heroku2cloud:waive:ECS.2: "public landing page"</c>) or
/// Kubernetes annotations (<c>metadata.annotations</c>, <c>waive.heroku2cloud.io/PSS.runAsNonRoot: "..."</c>).
/// Because they are ordinary properties, they are deployed with the resource and stay visible in the
/// console and in reviews, next to what they excuse.
/// </summary>
public sealed class PropertyMapWaivers(string propertyPath, string keyPrefix) : IWaiverConvention
{
    private readonly PropertyPath path = PropertyPath.Parse(propertyPath);

    public string KeyPrefix { get; } = keyPrefix;

    /// <summary>The map key that waives <paramref name="ruleId"/>, for generators that record waivers.</summary>
    public string Key(string ruleId) => KeyPrefix + ruleId;

    public IEnumerable<WaiverEntry> Read(Resource resource)
    {
        if (path.Find(resource.Properties) is not MapValue map)
            yield break;
        foreach (var (key, value) in map.Entries)
        {
            if (key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Length > KeyPrefix.Length)
                yield return new WaiverEntry(key[KeyPrefix.Length..], value is StringValue reason ? reason.Text.Trim() : "");
        }
    }
}
