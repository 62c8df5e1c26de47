namespace HerokuToCloud.Landing.Tests;

/// <summary>How both targets start a Procfile command: one decision, so AWS and Kubernetes cannot drift apart.</summary>
public class ProcessLaunchTests
{
    [Fact]
    public void A_buildpack_image_hands_the_whole_command_to_the_CNB_launcher()
    {
        var launch = ProcessLaunch.For(new ImageBuild { Buildpacks = ["heroku/ruby"] }, "bundle exec sidekiq -q default");
        Assert.Equal(["/cnb/lifecycle/launcher"], launch!.EntryPoint);
        Assert.Equal("bundle exec sidekiq -q default", launch.Command);
    }

    [Fact]
    public void A_Dockerfile_image_runs_the_command_in_a_shell()
    {
        var launch = ProcessLaunch.For(new ImageBuild { Dockerfile = "Dockerfile" }, "node worker.js --port $PORT");
        Assert.Equal(["/bin/sh", "-c"], launch!.EntryPoint);
        Assert.Equal("node worker.js --port $PORT", launch.Command);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void No_command_keeps_the_images_own_entrypoint_and_command(string? command) =>
        Assert.Null(ProcessLaunch.For(new ImageBuild(), command));
}
