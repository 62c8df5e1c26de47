namespace HerokuToCloud.Landing;

/// <summary>A long-running process: a Heroku process type with its formation.</summary>
public sealed record Service
{
    /// <summary>Process type ("web", "worker", "clock").</summary>
    public required string Name { get; init; }

    public required ServiceKind Kind { get; init; }

    /// <summary>Command to run; null runs the image's default command.</summary>
    public string? Command { get; init; }

    public required ComputeSize Compute { get; init; }

    /// <summary>Desired instances for this stack; 0 stays 0.</summary>
    public int Count { get; init; } = 1;

    public ScalingRange? Scaling { get; init; }

    public Rollout Rollout { get; init; } = Rollout.Rolling;

    /// <summary>Container port the web process binds (passed as PORT).</summary>
    public int Port { get; init; } = 8080;

    public string HealthCheckPath { get; init; } = "/";

    /// <summary>Heroku apps assume a writable disk; false keeps the safer read-only root with a writable /tmp.</summary>
    public bool WritableRootFilesystem { get; init; }
}

public enum ServiceKind
{
    /// <summary>Receives HTTP from a load balancer or ingress.</summary>
    Web,

    /// <summary>Runs without inbound traffic.</summary>
    Worker,
}

public sealed record ScalingRange(int Min, int Max);

public enum Rollout
{
    /// <summary>Replace instances gradually; capacity may dip by one during a deploy.</summary>
    Rolling,

    /// <summary>Heroku preboot: start new instances before stopping old ones, never below full capacity.</summary>
    Preboot,
}
