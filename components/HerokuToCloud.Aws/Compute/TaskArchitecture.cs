using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// The CPU architecture every task definition runs on, and what it asks of the images pushed for it.
/// Heroku dynos are x86-64, and so are these tasks. heroku/builder:24 and most base images are
/// multi-architecture, so pack or docker on an arm64 machine (an Apple Silicon Mac) builds an arm64 image
/// unless told otherwise, and ECS cannot start it on an x86-64 task: the team has to be told before the
/// first push, not by a task that never starts.
/// </summary>
internal static class TaskArchitecture
{
    /// <summary>The task definitions' <c>runtimePlatform.cpuArchitecture</c>.</summary>
    public const string CpuArchitecture = "X86_64";

    /// <summary>The same architecture as an OCI platform, as pack and docker take it.</summary>
    public const string ImagePlatform = "linux/amd64";

    public const string Subject = "images";

    /// <summary>Reports how to build the images the program's repositories hold.</summary>
    /// <param name="toolImage">Whether the program runs the heroku2cloud image (a data migration), which the team builds too.</param>
    public static void Advise(AwsProgram program, bool toolImage)
    {
        var tool = toolImage ? $", and the heroku2cloud image with docker build --platform {ImagePlatform}" : "";
        program.Report(FindingSeverity.Warning, Subject,
            $"every task runs on x86-64 ({ImagePlatform}), as Heroku dynos do: build the images for it (pack build ... --platform {ImagePlatform}, " +
            $"docker build --platform {ImagePlatform}{tool}). Built on an arm64 machine such as an Apple Silicon Mac without it, an image is arm64 " +
            "and its tasks never start (CannotPullContainerError: no matching manifest for linux/amd64, or exec format error).");
    }
}
