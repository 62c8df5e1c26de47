namespace HerokuToCloud.Landing;

/// <summary>
/// The stack config a finding asks the team to set. The finding's message says how with Pulumi
/// (<c>pulumi config set …</c>); an output that has no Pulumi stack (plain Kubernetes manifests) words
/// the same request its own way from these parts, so no Pulumi command reaches a kubectl user.
/// </summary>
/// <param name="Lead">What the finding says, without how to set the value; true for every output.</param>
/// <param name="Keys">The config keys to set, as the program declares them.</param>
/// <param name="ValueCommand">A shell command that prints the value (<c>heroku config:get DATABASE_URL -a shop</c>), if there is one.</param>
/// <param name="Example">The value's shape, for values the team must find (<c>postgres://USER:PASSWORD@HOST:5432/DB</c>).</param>
public sealed record ConfigRequest(string Lead, IReadOnlyList<string> Keys, string? ValueCommand = null, string? Example = null)
{
    /// <summary>Requests are equal when their keys are (a record would compare the list instances), so findings de-duplicate.</summary>
    public bool Equals(ConfigRequest? other) =>
        other is not null && Lead == other.Lead && ValueCommand == other.ValueCommand && Example == other.Example && Keys.SequenceEqual(other.Keys);

    public override int GetHashCode() => HashCode.Combine(Lead, Keys.Count);
}
