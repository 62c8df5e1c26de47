using HerokuToCloud.Inventory.Readers.PlatformApi;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

public class LogDrainDestinationTests
{
    [Theory]
    [InlineData("https://user:pass@logs.example.com:8443/x/y?token=abc", "https://logs.example.com:8443")]
    [InlineData("https://logs-01.loggly.com/bulk/0123-token/tag/heroku/", "https://logs-01.loggly.com")]
    [InlineData("syslog+tls://logs5.papertrailapp.com:12345", "syslog+tls://logs5.papertrailapp.com:12345")]
    [InlineData("https://http-intake.logs.datadoghq.com/api/v2/logs?dd-api-key=k&ddsource=heroku", "https://http-intake.logs.datadoghq.com")]
    [InlineData("syslog://logs.example.net:514", "syslog://logs.example.net:514")]
    public void Keeps_scheme_host_and_port_only(string url, string expected)
    {
        Assert.Equal(expected, LogDrainDestination.WithoutCredentials(url));
    }

    [Fact]
    public void Text_that_is_not_a_url_loses_user_info_path_and_query_too()
    {
        Assert.Equal("weird://host name", LogDrainDestination.WithoutCredentials("weird://us er:pw@host name/secret?q=1"));
    }
}
