using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Tools;

namespace HerokuToCloud.Data.Tests.Units;

public class ClientFailureMessageTests
{
    private static readonly PostgresEndpoint Target = new() { Host = "db.example", Port = 5432, Database = "app", Username = "app", Password = "pw-secret", SslMode = "disable" };

    [Fact]
    public void The_error_and_hint_survive_a_long_failed_statement_and_come_first()
    {
        var statement = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"    column_{i} integer,"));
        var stderr = string.Join('\n',
            "pg_restore: connecting to database for restore",
            "pg_restore: creating TABLE \"public.wide\"",
            "pg_restore: error: could not execute query: ERROR:  type \"public.citext\" does not exist",
            "LINE 3:     email public.citext,",
            "                  ^",
            "HINT:  Create the extension first.",
            "Command was: CREATE TABLE public.wide (",
            statement,
            ");",
            "pg_restore: processing data for table \"public.other\"",
            "pg_restore: warning: errors ignored on restore: 1");

        var message = PgClientTools.ExplainClientFailure("pg_restore", "target", Target, 1, stderr).Message;

        var error = message.IndexOf("ERROR:  type \"public.citext\" does not exist", StringComparison.Ordinal);
        Assert.True(error >= 0, message);
        Assert.Contains("HINT:  Create the extension first.", message, StringComparison.Ordinal);
        var hint = message.IndexOf("HINT:  Create the extension first.", StringComparison.Ordinal);
        Assert.True(error < hint && hint < message.IndexOf("errors ignored on restore", StringComparison.Ordinal), message);
        Assert.DoesNotContain("column_15 integer", message, StringComparison.Ordinal);
        Assert.Contains("errors ignored on restore: 1", message, StringComparison.Ordinal);
        Assert.True(message.Length < 2000, $"the message stays bounded ({message.Length} characters)");
        Assert.DoesNotContain("pw-secret", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_errors_are_bounded()
    {
        var stderr = string.Join('\n', Enumerable.Range(1, 500).Select(i => $"pg_restore: error: could not execute query: ERROR:  failure number {i} {new string('x', 100)}"));

        var message = PgClientTools.ExplainClientFailure("pg_restore", "target", Target, 1, stderr).Message;

        Assert.Contains("failure number 1 ", message, StringComparison.Ordinal);
        Assert.True(message.Length < 2000, $"the message stays bounded ({message.Length} characters)");
    }
}
