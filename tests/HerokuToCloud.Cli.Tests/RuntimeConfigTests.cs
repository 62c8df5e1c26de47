using System.Text.Json;

namespace HerokuToCloud.Cli.Tests;

/// <summary>
/// The CLI ships runtime settings that keep its CPU for the data copy: the database servers beside it need the
/// cores (bench/README.md, fifth session of 2026-12-06). Speed is not timed in tests, so the settings are checked.
/// </summary>
public sealed class RuntimeConfigTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "heroku2cloud.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void Idle_thread_pool_threads_sleep_instead_of_spinning()
    {
        Assert.Equal(0, ConfigProperties().GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    [Fact]
    public void Profile_guided_recompilation_is_off()
    {
        Assert.False(ConfigProperties().GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
