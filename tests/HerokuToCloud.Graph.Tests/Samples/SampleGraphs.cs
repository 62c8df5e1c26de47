using HerokuToCloud.Graph;

namespace HerokuToCloud.Graph.Tests.Samples;

/// <summary>Hand-built graphs the tests write, read, translate and check.</summary>
internal static class SampleGraphs
{
    public const string AwsVersion = "7.48.0";
    public const string KubernetesVersion = "4.34.2";
    public const string RandomVersion = "4.21.2";
    public const string CommandVersion = "4.5.0";

    /// <summary>Every value form, every option and every config type in one small program.</summary>
    public static ResourceGraph KitchenSink()
    {
        var graph = new ResourceGraph("kitchen", "Every form the writer knows.");
        graph.Pin("aws", AwsVersion);
        graph.Pin("random", RandomVersion);
        var imageTag = graph.Declare(new ConfigDeclaration("imageTag", ConfigType.String, Description: "Image tag to deploy."));
        var count = graph.Declare(new ConfigDeclaration("desiredCount", ConfigType.Integer, Default: 2));
        var multiAz = graph.Declare(new ConfigDeclaration("multiAz", ConfigType.Boolean, Default: false));
        var domains = graph.Declare(new ConfigDeclaration("domains", ConfigType.StringList, Default: Value.List("shop.example.com")));
        var apiKey = graph.Declare(new ConfigDeclaration("apiKey", ConfigType.String, Secret: true));

        var zones = graph.AddVariable("zones", new InvokeValue("aws:getAvailabilityZones", new MapValue { ["state"] = "available" }, "names"));
        var password = graph.Add(new Resource("db-password", "random:RandomPassword")
        {
            Properties = new MapValue { ["length"] = 32, ["special"] = false },
        });
        var bucket = graph.Add(new Resource("assets", "aws:s3/bucketV2:BucketV2")
        {
            Properties = new MapValue
            {
                ["bucketPrefix"] = "shop-assets-",
                ["tags"] = new MapValue { ["Name"] = "assets", ["heroku2cloud:waive:S3.1"] = "public website", ["version"] = "1.0" },
            },
            Options = new ResourceOptions
            {
                Protect = true,
                IgnoreChanges = ["tags"],
                RetainOnDelete = true,
            },
        });
        graph.Add(new Resource("web", "aws:ecs/service:Service")
        {
            Properties = new MapValue
            {
                ["desiredCount"] = count,
                ["availabilityZone"] = new SelectValue(0, zones),
                ["name"] = InterpolationValue.Of("shop-", imageTag, "-$HOME and $${literal}"),
                ["launchType"] = "FARGATE",
                ["enableExecuteCommand"] = multiAz,
                ["tags"] = new MapValue
                {
                    ["domains"] = new JoinValue(",", domains),
                    ["bucket"] = bucket.Ref("bucket"),
                    ["first"] = new ReferenceValue("zones", "[0]"),
                    ["empty"] = "",
                    ["yes"] = "yes",
                    ["port"] = "8080",
                    ["nothing"] = NullValue.Instance,
                },
                ["script"] = "#!/bin/sh\nexec bundle exec puma\n",
                ["containerDefinitions"] = new JsonValue(Value.List(new MapValue
                {
                    ["name"] = "web",
                    ["secrets"] = Value.List(new MapValue { ["name"] = "API_KEY", ["valueFrom"] = apiKey }),
                    ["cpu"] = 256.5m,
                })),
                ["password"] = new SecretValue(password.Ref("result")),
                ["capacity"] = Value.List(),
                ["settings"] = new MapValue(),
            },
            Options = new ResourceOptions
            {
                DependsOn = ["assets", "db-password"],
                AdditionalSecretOutputs = ["password"],
                ReplaceOnChanges = ["name"],
                DeleteBeforeReplace = true,
                CustomTimeouts = new CustomTimeouts(Create: "40m", Delete: "1h"),
            },
        });
        graph.AddOutput("bucketName", bucket.Ref("bucket"));
        graph.AddOutput("stack", new ReferenceValue("pulumi", "stack"));
        return graph;
    }

    public static StackConfig KitchenSinkStack()
    {
        var stack = new StackConfig("prod");
        stack.Set("aws:region", "eu-west-1");
        stack.Set("imageTag", "2024.05.01");
        stack.Set("desiredCount", 3);
        stack.Set("domains", Value.List("shop.example.com", "www.shop.example.com"));
        return stack;
    }
}
