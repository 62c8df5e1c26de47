using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Migration;

/// <summary>
/// The last step of <c>data migrate</c>: proof that the target holds what the source does. The migrator
/// only calls it; the validation engine (<c>data validate</c>) implements it. It runs after the copy has
/// completed and the state schema is gone, against the live source and the finished target.
/// </summary>
public interface IMigrationValidator
{
    Task<MigrationValidationResult> ValidateAsync(PostgresEndpoint source, PostgresEndpoint target, int jobs, IDataProgress progress, CancellationToken cancellationToken);
}

/// <summary>
/// The validator's verdict as the migrator reports it: <see cref="Passed"/> decides the exit code,
/// <see cref="Summary"/> is one human line, <see cref="Report"/> the validator's own JSON report (embedded
/// as-is in the migrate --json summary).
/// </summary>
public sealed record MigrationValidationResult(bool Passed, string Summary, System.Text.Json.Nodes.JsonNode? Report = null);
