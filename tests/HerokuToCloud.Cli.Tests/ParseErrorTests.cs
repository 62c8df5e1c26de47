using System.CommandLine;
using HerokuToCloud.Cli.Commands;
using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests;

/// <summary>
/// A command line that does not parse is a usage error (exit 2) that says what the option takes,
/// never a .NET type name ('System.Int32'), and --jobs is bounded before any connection is opened.
/// </summary>
public sealed class ParseErrorTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private readonly string dir = Directory.CreateTempSubdirectory("h2c-parse-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private Task<Heroku2CloudProcess.Result> Run(params string[] args) => Heroku2CloudProcess.RunAsync(dir, NoEnvironment, args);

    [Theory]
    [InlineData("--jobs takes a whole number, not 'abc'.", "data", "migrate", "-j", "abc")]
    [InlineData("--jobs takes a whole number, not '1.5'.", "data", "validate", "--jobs", "1.5")]
    [InlineData("--max-rows takes a whole number, not 'x'.", "data", "validate", "--max-rows", "x")]
    [InlineData("--chunk-size takes a whole number, not 'big'.", "data", "migrate", "--chunk-size", "big")]
    public async Task A_word_where_a_number_belongs_names_the_option_and_what_it_takes(string expected, params string[] args)
    {
        var result = await Run(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: " + expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help for usage", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nullable_typed_option_of_generate_reads_the_same()
    {
        var output = Path.Combine(dir, "out");
        var result = await Run("generate", Repository.Example("emigrate"), "-t", "aws", "-s", "prod", "-o", output, "--log-retention-days", "abc");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: --log-retention-days takes a whole number, not 'abc'.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("migrate", "--jobs", "0", "--jobs takes 1 to 64, not 0:")]
    [InlineData("migrate", "--jobs", "100000", "--jobs takes 1 to 64, not 100000:")]
    [InlineData("validate", "--jobs", "65", "--jobs takes 1 to 64, not 65:")]
    [InlineData("validate", "-j", "-3", "--jobs takes 1 to 64, not -3:")]
    [InlineData("migrate", "--chunk-size", "0", "--chunk-size takes 1 to 65536 (megabytes of one copy unit), not 0.")]
    [InlineData("migrate", "--chunk-size", "-5", "--chunk-size takes 1 to 65536 (megabytes of one copy unit), not -5.")]
    [InlineData("validate", "--max-rows", "-1", "--max-rows takes 0 to 2147483647 (differing rows listed per table; 0 lists none, the totals still count them), not -1.")]
    [InlineData("validate", "--max-rows", "2147483648", "--max-rows takes 0 to 2147483647 (differing rows listed per table; 0 lists none, the totals still count them), not 2147483648.")]
    [InlineData("migrate", "--jobs", "4294967297", "--jobs takes 1 to 64, not 4294967297:")]
    [InlineData("migrate", "--chunk-size", "99999999999999999999999", "--chunk-size takes 1 to 65536 (megabytes of one copy unit), not 99999999999999999999999.")]
    public async Task A_number_out_of_range_is_refused_before_any_connection(string verb, string option, string value, string error)
    {
        // The URLs point nowhere: a run that got past parsing would fail on them instead.
        var result = await Run("data", verb, "--source", "postgres://u@127.0.0.1:1/a", "--target", "postgres://u@127.0.0.1:1/b", option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: " + error, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_jobs_is_accepted()
    {
        var result = await Run("data", "validate", "--source", "postgres://u@127.0.0.1:1/a", "--target", "postgres://u@127.0.0.1:1/b", "--jobs", $"{JobsOption.Max}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("--jobs", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Every typed option of every verb, given a word, is reworded: a typed option added later is covered without a test of its own.</summary>
    [Fact]
    public void Every_typed_option_words_a_bad_value_without_a_type_name()
    {
        var root = new RootCommand();
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        var checkedOptions = 0;
        foreach (var (path, option) in TypedOptions(root, []))
        {
            var parsed = root.Parse([.. path, option.Name, "not-a-value"]);
            var messages = parsed.Errors.Select(ParseErrorMessage.For).ToList();

            Assert.Contains($"{option.Name} takes ", string.Join('\n', messages), StringComparison.Ordinal);
            Assert.DoesNotContain(messages, m => m.Contains("System.", StringComparison.Ordinal));
            checkedOptions++;
        }

        // --jobs twice, --chunk-size, --max-rows, --log-retention-days at least.
        Assert.True(checkedOptions >= 5, $"only {checkedOptions} typed options found");
    }

    private static IEnumerable<(string[] Path, Option Option)> TypedOptions(Command command, string[] path)
    {
        foreach (var option in command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0
            && o.ValueType != typeof(string) && o.ValueType != typeof(bool) && o.ValueType != typeof(string[])))
            yield return (path, option);
        foreach (var sub in command.Subcommands)
        {
            foreach (var found in TypedOptions(sub, [.. path, sub.Name]))
                yield return found;
        }
    }
}
