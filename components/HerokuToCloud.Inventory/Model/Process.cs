namespace HerokuToCloud.Inventory;

/// <summary>
/// A process type and its formation: what runs (Procfile command) and how much of it
/// (dyno size × quantity, autoscaling bounds where Heroku had them).
/// </summary>
public sealed record Process
{
    /// <summary>Process type, for example "web", "worker", "clock".</summary>
    public required string Type { get; init; }

    /// <summary>The command; null only for heroku.yml Docker apps that run the image's CMD.</summary>
    public string? Command { get; init; }

    /// <summary>Heroku dyno size name as Heroku spells it (see <see cref="DynoSizes"/>).</summary>
    public string Size { get; init; } = DynoSizes.Default;

    private readonly int? quantity;

    /// <summary>
    /// Number of dynos; 0 is a real value (a process defined but scaled down). Unset, it is what Heroku
    /// gives a process type that was never scaled (<see cref="DefaultQuantity"/>).
    /// </summary>
    public int Quantity
    {
        get => quantity ?? DefaultQuantity(Type);
        init => quantity = value;
    }

    public Autoscaling? Autoscaling { get; init; }

    /// <summary>
    /// Port the process listens on after the move (passed to it as PORT). Heroku assigns PORT
    /// itself, so this is null unless the team pins one (a Dockerfile's EXPOSE, a framework
    /// default); the landing then uses 8080.
    /// </summary>
    public int? Port { get; init; }

    public bool IsWeb => Type == "web";

    /// <summary>
    /// The dynos Heroku runs of a process type no one has scaled: on the first deploy it scales
    /// <c>web</c> to 1 and leaves every other type at 0 until <c>heroku ps:scale</c> (or app.json's
    /// formation) says otherwise.
    /// </summary>
    public static int DefaultQuantity(string type) => type == "web" ? 1 : 0;

    // Equality by what the process is, so an unset quantity equals the default it stands for (the generated
    // equality would compare the backing field). A property added above must be added to both members.
    public bool Equals(Process? other) =>
        other is not null && Type == other.Type && Command == other.Command && Size == other.Size &&
        Quantity == other.Quantity && Equals(Autoscaling, other.Autoscaling) && Port == other.Port;

    public override int GetHashCode() => HashCode.Combine(Type, Command, Size, Quantity, Autoscaling, Port);
}

/// <summary>Heroku dyno autoscaling bounds (Performance and Private dynos, web only).</summary>
public sealed record Autoscaling(int Min, int Max, int? P95ResponseTimeMs = null);

/// <summary>The Procfile's release process: must succeed before a release goes live.</summary>
public sealed record ReleasePhase(string Command, string Size = DynoSizes.Default);
