namespace HerokuToCloud.Graph;

/// <summary>
/// The values of one stack (<c>Pulumi.&lt;stack&gt;.yaml</c>): everything that differs between the
/// stages of a Heroku pipeline (sizes, counts, image tag, domains, engine version, VPC). Secret
/// values are never here: the team sets them with <c>pulumi config set --secret</c>.
/// </summary>
public sealed class StackConfig(string stack)
{
    private readonly SortedDictionary<string, Value> values = new(StringComparer.Ordinal);

    public string Stack { get; } = stack;

    /// <summary>Values by key; provider keys keep their namespace ("aws:region").</summary>
    public IReadOnlyDictionary<string, Value> Values => values;

    public void Set(string key, Value value)
    {
        if (value is not (StringValue or NumberValue or BoolValue or ListValue))
            throw new ArgumentException($"Stack config {key} must be a literal.", nameof(value));
        values[key] = value;
    }
}
