namespace HerokuToCloud.Graph.Tests;

public class ConfigKeysTests
{
    [Theory]
    [InlineData(new[] { "emigrate", "web", "cpu" }, "emigrateWebCpu")]
    [InlineData(new[] { "shop-web", "worker_2", "count" }, "shopWebWorker2Count")]
    [InlineData(new[] { "emigrate-db", "instanceClass" }, "emigrateDbInstanceClass")]
    [InlineData(new[] { "shop-db", "source-url" }, "shopDbSourceUrl")]
    [InlineData(new[] { "api", "clock_legacy", "cpu-limit" }, "apiClockLegacyCpuLimit")]
    public void Keys_are_lower_camel_case_letters_and_digits(string[] parts, string expected) => Assert.Equal(expected, ConfigKeys.Of(parts));

    [Theory]
    [InlineData("1shop", "cpu")]
    [InlineData("--", "")]
    public void A_key_that_would_not_start_with_a_letter_is_refused(string first, string second) =>
        Assert.Throws<ResourceGraphException>(() => ConfigKeys.Of(first, second));
}
