using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Target;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Migration;

public class TargetLockTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_released_lock_is_free_at_once_even_while_its_connection_is_still_open()
    {
        // A run releases the lock itself instead of leaving it to its backend's exit, which comes a moment
        // after the connection closes: a run started right after another (as the tests do) must get it.
        var target = new DatabaseSessions(await server.CreateDatabaseAsync("lock_release"), DatabaseRole.Target);
        await using var first = await target.OpenAsync(CancellationToken.None);
        await using var second = await target.OpenAsync(CancellationToken.None);

        var held = await TargetLock.AcquireAsync(first, "the target", CancellationToken.None);
        await held.DisposeAsync();

        await using var next = await TargetLock.AcquireAsync(second, "the target", CancellationToken.None);
    }

    [Fact]
    public async Task A_held_lock_names_the_session_that_holds_it_and_what_to_do()
    {
        var target = new DatabaseSessions(await server.CreateDatabaseAsync("lock_held"), DatabaseRole.Target);
        await using var first = await target.OpenAsync(CancellationToken.None);
        await using var second = await target.OpenAsync(CancellationToken.None);
        await using var held = await TargetLock.AcquireAsync(first, "postgres://app@db:5432/shop", CancellationToken.None);

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => TargetLock.AcquireAsync(second, "postgres://app@db:5432/shop", CancellationToken.None));

        Assert.Contains($"another heroku2cloud data migrate is running against postgres://app@db:5432/shop (session {first.ProcessID}, heroku2cloud-target from 127.0.0.1, connected ", error.Message, StringComparison.Ordinal);
        Assert.Contains("pg_terminate_backend", error.Message, StringComparison.Ordinal);
    }
}
