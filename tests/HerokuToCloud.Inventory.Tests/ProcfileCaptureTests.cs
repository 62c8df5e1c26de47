using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests;

public class ProcfileCaptureTests
{
    private static HerokuApp Capture(string procfile) =>
        AppManifestReader.Read(new AppManifests(null, new ManifestFile("Procfile", procfile), null, "app-dir")).Apps.Single();

    [Fact]
    public void Comments_blank_lines_indentation_crlf_and_a_bom_are_tolerated()
    {
        var app = Capture("\uFEFF# processes\r\n\r\n   web:   bin/web --port $PORT  \r\n\t# worker: old\r\nworker:bin/worker\r\n");

        Assert.Equal(["web|bin/web --port $PORT", "worker|bin/worker"], app.Processes.Select(p => $"{p.Type}|{p.Command}"));
    }

    [Fact]
    public void Release_is_the_release_phase_not_a_process()
    {
        var app = Capture("release: bin/migrate\nweb: bin/web\n");

        Assert.Equal(["web"], app.Processes.Select(p => p.Type));
        Assert.Equal(new ReleasePhase("bin/migrate"), app.Release);
    }

    [Fact]
    public void Colons_in_the_command_belong_to_the_command()
    {
        var app = Capture("clock: bundle exec rake jobs:work QUEUE=a:b\n");

        Assert.Equal("bundle exec rake jobs:work QUEUE=a:b", app.Processes.Single().Command);
    }

    [Theory]
    [InlineData("web: bin/web\nworker bin/worker\n", 2, "'worker bin/worker' has no colon; each Procfile line is 'type: command'")]
    [InlineData("web: bin/web\nmy worker: bin/worker\n", 2, "'my worker' is not a valid process type")]
    [InlineData("web.1: bin/web\n", 1, "'web.1' is not a valid process type")]
    [InlineData("\n\nweb:\n", 3, "the process type 'web' has no command after the colon")]
    [InlineData("web: a\n# comment\nworker: b\nweb: c\n", 4, "the process type 'web' is defined twice, on lines 1 and 4; keep one")]
    [InlineData(": bin/web\n", 1, "'' is not a valid process type")]
    [InlineData("web : bundle exec puma\n", 1, "'web :' has a space before the colon, and Heroku would ignore this line; write 'web:' with the colon right after the process type (for example 'web: bundle exec puma')")]
    [InlineData("web: bin/web\nworker\t: bin/worker\n", 2, "write 'worker:' with the colon right after the process type")]
    public void Bad_lines_fail_naming_the_file_and_line(string procfile, int line, string fragment)
    {
        var error = Errors.Throws(() => Capture(procfile));

        Errors.Located(error, "Procfile", line, 1);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
