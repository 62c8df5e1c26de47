namespace HerokuToCloud.Graph;

/// <summary>
/// The values of one stack (<c>Pulumi.&lt;stack&gt;.yaml</c>): everything that differs between the
/// stages of a Heroku pipeline (sizes, counts, image tag, domains, engine version, VPC). Secret
/// values are never here: the team sets them with <c>pulumi config set --secret</c>.
/// </summary>
public sealed class StackConfig(string stack)
{
    private readonly SortedDictionary<string, Value> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> writtenAs = new(StringComparer.Ordinal);

    public string Stack { get; } = stack;

    /// <summary>Values by key; provider keys keep their namespace ("aws:region").</summary>
    public IReadOnlyDictionary<string, Value> Values => values;

    public void Set(string key, Value value)
    {
        if (value is not (StringValue or NumberValue or BoolValue or ListValue))
            throw new ArgumentException($"Stack config {key} must be a literal.", nameof(value));
        values[key] = value;
        writtenAs.Remove(key);
    }

    /// <summary>
    /// Sets a value a stack file wrote as a plain boolean or number, keeping its text (True, 3.0, 0x10):
    /// Pulumi reads every plain scalar of a stack file as its text, so that text, not the YAML value, is
    /// what its type check sees. A value set any other way is written out by heroku2cloud in Pulumi's
    /// own spelling (true, 3), and has no such text.
    /// </summary>
    public void SetAsWritten(string key, Value value, string text)
    {
        Set(key, value);
        writtenAs[key] = text;
    }

    /// <summary>The text a stack file wrote <paramref name="key"/>'s boolean or number as; null when it was not read from one so.</summary>
    public string? WrittenAs(string key) => writtenAs.GetValueOrDefault(key);
}
