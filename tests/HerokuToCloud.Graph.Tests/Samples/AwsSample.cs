using HerokuToCloud.Graph;

namespace HerokuToCloud.Graph.Tests.Samples;

/// <summary>A small but realistic AWS landing: network, ECR, ECS Fargate, RDS, Secrets Manager, a release task.</summary>
internal static class AwsSample
{
    public static ResourceGraph Create(string project = "shop")
    {
        var graph = new ResourceGraph(project, "A web process on Fargate with its Postgres database.");
        graph.Pin("aws", SampleGraphs.AwsVersion);
        graph.Pin("random", SampleGraphs.RandomVersion);
        graph.Pin("command", SampleGraphs.CommandVersion);
        var imageTag = graph.Declare(new ConfigDeclaration("imageTag", ConfigType.String, Description: "Container image tag to deploy."));
        var desiredCount = graph.Declare(new ConfigDeclaration("desiredCount", ConfigType.Integer, Default: 2));
        var multiAz = graph.Declare(new ConfigDeclaration("multiAz", ConfigType.Boolean, Default: false));

        var zones = graph.AddVariable("zones", new InvokeValue("aws:getAvailabilityZones", new MapValue { ["state"] = "available" }, "names"));
        var tags = graph.AddVariable("tags", new MapValue { ["app"] = project, ["managed-by"] = "heroku2cloud" });

        var vpc = graph.Add(new Resource("vpc", "aws:ec2/vpc:Vpc")
        {
            Properties = new MapValue { ["cidrBlock"] = "10.0.0.0/16", ["enableDnsHostnames"] = true, ["tags"] = tags },
        });
        var subnets = new List<Resource>();
        for (var i = 0; i < 2; i++)
        {
            subnets.Add(graph.Add(new Resource($"private-{(char)('a' + i)}", "aws:ec2:Subnet")
            {
                Properties = new MapValue
                {
                    ["vpcId"] = vpc.Ref("id"),
                    ["cidrBlock"] = $"10.0.{i + 1}.0/24",
                    ["availabilityZone"] = new SelectValue(i, zones),
                    ["mapPublicIpOnLaunch"] = false,
                },
            }));
        }

        var securityGroup = graph.Add(new Resource("app-sg", "aws:ec2/securityGroup:SecurityGroup")
        {
            Properties = new MapValue
            {
                ["vpcId"] = vpc.Ref("id"),
                ["description"] = "Tasks and database",
                ["egress"] = Value.List(new MapValue
                {
                    ["protocol"] = "-1",
                    ["fromPort"] = 0,
                    ["toPort"] = 0,
                    ["cidrBlocks"] = Value.List("0.0.0.0/0"),
                }),
            },
        });
        var logs = graph.Add(new Resource("web-logs", "aws:cloudwatch/logGroup:LogGroup")
        {
            Properties = new MapValue { ["retentionInDays"] = 30 },
        });
        var repository = graph.Add(new Resource("images", "aws:ecr/repository:Repository")
        {
            Properties = new MapValue
            {
                ["imageTagMutability"] = "IMMUTABLE",
                ["imageScanningConfiguration"] = new MapValue { ["scanOnPush"] = true },
                ["encryptionConfigurations"] = Value.List(new MapValue { ["encryptionType"] = "KMS" }),
            },
        });
        var cluster = graph.Add(new Resource("cluster", "aws:ecs/cluster:Cluster")
        {
            Properties = new MapValue { ["settings"] = Value.List(new MapValue { ["name"] = "containerInsights", ["value"] = "enabled" }) },
        });
        var role = graph.Add(new Resource("web-execution", "aws:iam/role:Role")
        {
            Properties = new MapValue
            {
                ["assumeRolePolicy"] = new JsonValue(new MapValue
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = Value.List(new MapValue
                    {
                        ["Effect"] = "Allow",
                        ["Principal"] = new MapValue { ["Service"] = "ecs-tasks.amazonaws.com" },
                        ["Action"] = "sts:AssumeRole",
                    }),
                }),
            },
        });
        var password = graph.Add(new Resource("db-password", "random:index/randomPassword:RandomPassword")
        {
            Properties = new MapValue { ["length"] = 32, ["special"] = false },
        });
        var dbSubnets = graph.Add(new Resource("db-subnets", "aws:rds/subnetGroup:SubnetGroup")
        {
            Properties = new MapValue { ["subnetIds"] = Value.List(subnets.Select(s => (Value)s.Ref("id"))) },
        });
        var database = graph.Add(new Resource("db", "aws:rds/instance:Instance")
        {
            Properties = new MapValue
            {
                ["engine"] = "postgres",
                ["engineVersion"] = "16",
                ["instanceClass"] = "db.t4g.micro",
                ["allocatedStorage"] = 20,
                ["storageEncrypted"] = true,
                ["multiAz"] = multiAz,
                ["dbSubnetGroupName"] = dbSubnets.Ref("name"),
                ["vpcSecurityGroupIds"] = Value.List(securityGroup.Ref("id")),
                ["username"] = "app",
                ["password"] = password.Ref("result"),
                ["backupRetentionPeriod"] = 7,
                ["deletionProtection"] = true,
                ["publiclyAccessible"] = false,
                ["finalSnapshotIdentifier"] = $"{project}-db-final",
            },
            Options = new ResourceOptions { Protect = true, CustomTimeouts = new CustomTimeouts(Create: "40m", Delete: "40m") },
        });
        var secret = graph.Add(new Resource("web-secrets", "aws:secretsmanager/secret:Secret")
        {
            Properties = new MapValue { ["namePrefix"] = $"{project}/web/" },
        });
        graph.Add(new Resource("web-secrets-value", "aws:secretsmanager/secretVersion:SecretVersion")
        {
            Properties = new MapValue
            {
                ["secretId"] = secret.Ref("id"),
                ["secretString"] = new SecretValue(new JsonValue(new MapValue
                {
                    ["DATABASE_URL"] = InterpolationValue.Of("postgres://app:", password.Ref("result"), "@", database.Ref("address"), ":5432/app?sslmode=require"),
                })),
            },
        });
        var task = graph.Add(new Resource("web-task", "aws:ecs/taskDefinition:TaskDefinition")
        {
            Properties = new MapValue
            {
                ["family"] = $"{project}-web",
                ["cpu"] = "256",
                ["memory"] = "512",
                ["networkMode"] = "awsvpc",
                ["requiresCompatibilities"] = Value.List("FARGATE"),
                ["executionRoleArn"] = role.Ref("arn"),
                ["containerDefinitions"] = new JsonValue(Value.List(new MapValue
                {
                    ["name"] = "web",
                    ["image"] = InterpolationValue.Of(repository.Ref("repositoryUrl"), ":", imageTag),
                    ["essential"] = true,
                    ["portMappings"] = Value.List(new MapValue { ["containerPort"] = 5000 }),
                    ["environment"] = Value.List(new MapValue { ["name"] = "PORT", ["value"] = "5000" }),
                    ["secrets"] = Value.List(new MapValue { ["name"] = "DATABASE_URL", ["valueFrom"] = InterpolationValue.Of(secret.Ref("arn"), ":DATABASE_URL::") }),
                    ["logConfiguration"] = new MapValue
                    {
                        ["logDriver"] = "awslogs",
                        ["options"] = new MapValue { ["awslogs-group"] = logs.Ref("name"), ["awslogs-stream-prefix"] = "web" },
                    },
                })),
            },
        });
        var release = graph.Add(new Resource("release", "command:local:Command")
        {
            Properties = new MapValue
            {
                ["create"] = InterpolationValue.Of("aws ecs run-task --cluster ", cluster.Ref("name"), " --task-definition ", task.Ref("arn"), " --launch-type FARGATE"),
                ["triggers"] = Value.List(task.Ref("revision")),
            },
        });
        graph.Add(new Resource("web", "aws:ecs/service:Service")
        {
            Properties = new MapValue
            {
                ["cluster"] = cluster.Ref("arn"),
                ["taskDefinition"] = task.Ref("arn"),
                ["desiredCount"] = desiredCount,
                ["launchType"] = "FARGATE",
                ["deploymentMinimumHealthyPercent"] = 100,
                ["deploymentMaximumPercent"] = 200,
                ["networkConfiguration"] = new MapValue
                {
                    ["subnets"] = Value.List(subnets.Select(s => (Value)s.Ref("id"))),
                    ["securityGroups"] = Value.List(securityGroup.Ref("id")),
                    ["assignPublicIp"] = false,
                },
            },
            Options = new ResourceOptions { DependsOn = [release.Name] },
        });

        graph.AddOutput("databaseEndpoint", database.Ref("endpoint"));
        graph.AddOutput("clusterName", cluster.Ref("name"));
        graph.AddOutput("firstZone", new ReferenceValue(zones.Name, "[0]"));
        graph.AddOutput("repositoryUrl", repository.Ref("repositoryUrl"));
        return graph;
    }

    public static StackConfig Stack()
    {
        var stack = new StackConfig("prod");
        stack.Set("aws:region", "eu-west-1");
        stack.Set("imageTag", "v42");
        stack.Set("desiredCount", 3);
        return stack;
    }
}
