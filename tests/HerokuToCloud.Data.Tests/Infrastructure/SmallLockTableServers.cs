namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>
/// A source and a target server whose shared lock table is far smaller than the default one
/// (max_locks_per_transaction=10 instead of 64, with the test servers' 200 connections): a few thousand
/// tables then exceed what one transaction may lock, as several thousand do on a default Heroku server.
/// </summary>
public sealed class SmallLockTableServers : IAsyncLifetime
{
    public const string Options = "-c max_locks_per_transaction=10";

    public PostgresServer Source { get; } = new() { ServerOptions = Options };

    public PostgresServer Target { get; } = new() { ServerOptions = Options };

    public Task InitializeAsync() => Task.WhenAll(Source.InitializeAsync(), Target.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(Source.DisposeAsync(), Target.DisposeAsync());
}
