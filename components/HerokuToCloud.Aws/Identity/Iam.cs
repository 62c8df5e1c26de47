using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>IAM policy documents as graph values (serialised with <c>fn::toJSON</c> so references resolve inside them).</summary>
internal static class Iam
{
    public const string Version = "2012-10-17";

    /// <summary>A role trust policy that lets one AWS service assume the role.</summary>
    public static JsonValue TrustPolicy(string service) => Policy(new MapValue
    {
        ["Effect"] = "Allow",
        ["Principal"] = new MapValue { ["Service"] = service },
        ["Action"] = "sts:AssumeRole",
    });

    public static MapValue Allow(IEnumerable<string> actions, IEnumerable<Value> resources, MapValue? condition = null)
    {
        var statement = new MapValue
        {
            ["Effect"] = "Allow",
            ["Action"] = Value.List(actions.Select(a => (Value)a)),
            ["Resource"] = Value.List(resources),
        };
        if (condition is not null)
            statement["Condition"] = condition;
        return statement;
    }

    public static JsonValue Policy(params MapValue[] statements) => new(new MapValue
    {
        ["Version"] = Version,
        ["Statement"] = Value.List(statements),
    });
}
