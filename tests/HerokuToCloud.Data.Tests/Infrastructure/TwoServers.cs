namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>A source server and a separate target server, as in a real move (no shared transaction IDs or OIDs).</summary>
public sealed class TwoServers : IAsyncLifetime
{
    public PostgresServer Source { get; } = new();

    public PostgresServer Target { get; } = new();

    public Task InitializeAsync() => Task.WhenAll(Source.InitializeAsync(), Target.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(Source.DisposeAsync(), Target.DisposeAsync());
}
