using System.Diagnostics;
using System.Text.Json;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.PulumiYaml;

namespace HerokuToCloud.Cli.Tests;

/// <summary>`heroku2cloud check` run as the real program, so exit codes and output are what a user and CI see.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("h2c-check-");

    public void Dispose() => directory.Delete(recursive: true);

    private static ResourceGraph Program(Value password)
    {
        var graph = new ResourceGraph("shop", "A database.");
        graph.Pin("aws", "7.48.0");
        graph.Pin("random", "4.21.2");
        var generated = graph.Add(new Resource("db-password", "random:RandomPassword") { Properties = new MapValue { ["length"] = 32 } });
        graph.Add(new Resource("db", "aws:rds:Instance")
        {
            Properties = new MapValue { ["engine"] = "postgres", ["password"] = password is NullValue ? generated.Ref("result") : password },
        });
        return graph;
    }

    private void Write(ResourceGraph graph)
    {
        var stack = new StackConfig("prod");
        stack.Set("aws:region", "eu-west-1");
        foreach (var (path, content) in ProgramFiles.Create(graph, stack).Files)
            File.WriteAllText(Path.Combine(directory.FullName, path), content);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heroku2cloud.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task A_clean_program_exits_0()
    {
        Write(Program(NullValue.Instance));

        var (exitCode, output, error) = await RunAsync("check", directory.FullName);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("project shop, 2 resources, stacks prod", output, StringComparison.Ordinal);
        Assert.Contains("0 violations, 0 waived", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_violation_exits_1_naming_rule_resource_and_fix()
    {
        var program = PulumiYamlWriter.Write(Program(NullValue.Instance)).Replace("password: ${db-password.result}", "password: hunter2", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.yaml"), program);

        var (exitCode, output, _) = await RunAsync("check", directory.FullName);

        Assert.Equal(1, exitCode);
        Assert.Contains("VIOLATION SECRETS.1 db: property password: password is a literal; take the secret from secret config", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_carries_the_same_findings()
    {
        var program = PulumiYamlWriter.Write(Program(NullValue.Instance)).Replace("password: ${db-password.result}", "password: hunter2", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.yaml"), program);

        var (exitCode, output, _) = await RunAsync("check", directory.FullName, "--json");

        Assert.Equal(1, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("shop", json.RootElement.GetProperty("project").GetString());
        var violation = Assert.Single(json.RootElement.GetProperty("violations").EnumerateArray());
        Assert.Equal("SECRETS.1", violation.GetProperty("rule").GetString());
        Assert.Equal("db", violation.GetProperty("resource").GetString());
        Assert.Equal("No secret is written in plaintext in the program", violation.GetProperty("title").GetString());
        Assert.Contains(json.RootElement.GetProperty("packs").EnumerateArray(), p => p.GetProperty("name").GetString() == "generic");
    }

    [Fact]
    public async Task An_unreadable_program_exits_2_with_file_line_and_column()
    {
        File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.yaml"), "name: shop\nruntime: yaml\nresources:\n  db:\n    type: aws:rds:Instance\n    properties:\n      subnet: ${nothing.id}\n");

        var (exitCode, output, error) = await RunAsync("check", directory.FullName);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"error: {Path.Combine(directory.FullName, "Pulumi.yaml")}:7:15: ${{nothing.id}}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_stack_file_exits_2()
    {
        Write(Program(NullValue.Instance));
        File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.dev.yaml"), "config:\n  shop:db:\n    host: x\n");

        var (exitCode, _, error) = await RunAsync("check", directory.FullName);

        Assert.Equal(2, exitCode);
        Assert.Contains("Pulumi.dev.yaml:3:5: shop:db: structured (object) config values", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_directory_exits_2()
    {
        var (exitCode, _, error) = await RunAsync("check", Path.Combine(directory.FullName, "absent"));

        Assert.Equal(2, exitCode);
        Assert.Contains("absent does not exist", error, StringComparison.Ordinal);
    }
}
