using HerokuToCloud.Aws;
using HerokuToCloud.Cli.Secrets;
using HerokuToCloud.Data;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Inventory;
using HerokuToCloud.Kubernetes;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Landing;
using Npgsql;
using Spectre.Console;

namespace HerokuToCloud.Cli;

/// <summary>
/// Runs a verb's body so that every failure ends as a one-paragraph message and an exit code:
/// errors the user can fix name what to do; anything else is reported as a bug, never as a stack
/// trace (set HEROKU2CLOUD_DEBUG=1 to see one).
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            Error("cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (IsUserFacing(ex))
        {
            Error(ex.Message);
            return ExitCodes.UserError;
        }
        catch (PostgresException ex) when (IsRefusal(ex))
        {
            Error($"the database refused the operation ({ex.SqlState}): {ex.MessageText}. Check the privileges of the user in the connection URL and that the database is writable (not a read replica, default_transaction_read_only off), then run again.");
            return ExitCodes.UserError;
        }
        catch (Exception ex)
        {
            Error($"internal error ({ex.GetType().Name}): {ex.Message}. This is a bug in heroku2cloud; please report it with the command you ran.");
            if (Environment.GetEnvironmentVariable("HEROKU2CLOUD_DEBUG") == "1")
                Console.Error.WriteLine(ex);
            return ExitCodes.InternalError;
        }
    }

    public static void Error(string message) =>
        Console.Error.WriteLine($"error: {message}");

    /// <summary>
    /// A server error about the user's setup rather than the tool: a missing privilege or a read-only database.
    /// The components check both before writing; this covers what those checks cannot foresee.
    /// </summary>
    private static bool IsRefusal(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ReadOnlySqlTransaction;

    /// <summary>Exceptions whose message is written for the user: the components' own input and environment errors.</summary>
    private static bool IsUserFacing(Exception ex) => ex
        is InventoryException
        or LandingException
        or AwsLandingException
        or PulumiYamlException
        or KubernetesLandingException
        or ManifestRenderException
        or ManifestReadException
        or DataMigrationException
        or UsageException
        or SecretPushException
        or IOException
        or UnauthorizedAccessException;
}
