using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// The ECR repository an app's image is pushed to: scanned on push (ECR.1), tags immutable so a
/// deployed tag always means the same image (ECR.2), and a lifecycle policy (ECR.3) that drops
/// untagged layers after two weeks and keeps the 100 newest images for rollbacks.
/// </summary>
internal static class ImageRepository
{
    public const int UntaggedDays = 14;
    public const int KeptImages = 100;

    public static Resource Add(AwsProgram program, string name, string owner, string? app)
    {
        var repository = program.Add(AwsNames.Logical(name, "images"), AwsTypes.Repository, new MapValue
        {
            ["imageTagMutability"] = "IMMUTABLE",
            ["imageScanningConfiguration"] = new MapValue { ["scanOnPush"] = true },
            ["forceDelete"] = false,
        }, owner, app: app);
        program.Add(AwsNames.Logical(name, "images-lifecycle"), AwsTypes.LifecyclePolicy, new MapValue
        {
            ["repository"] = repository.Ref("name"),
            ["policy"] = new JsonValue(new MapValue
            {
                ["rules"] = Value.List(
                    new MapValue
                    {
                        ["rulePriority"] = 1,
                        ["description"] = $"Expire untagged images after {UntaggedDays} days",
                        ["selection"] = new MapValue
                        {
                            ["tagStatus"] = "untagged",
                            ["countType"] = "sinceImagePushed",
                            ["countUnit"] = "days",
                            ["countNumber"] = UntaggedDays,
                        },
                        ["action"] = new MapValue { ["type"] = "expire" },
                    },
                    new MapValue
                    {
                        ["rulePriority"] = 2,
                        ["description"] = $"Keep the {KeptImages} newest images",
                        ["selection"] = new MapValue
                        {
                            ["tagStatus"] = "any",
                            ["countType"] = "imageCountMoreThan",
                            ["countNumber"] = KeptImages,
                        },
                        ["action"] = new MapValue { ["type"] = "expire" },
                    }),
            }),
        }, owner);
        return repository;
    }
}
