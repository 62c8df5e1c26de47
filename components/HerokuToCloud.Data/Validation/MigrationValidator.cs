using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// The validation step <c>data migrate</c> ends with: <see cref="DataValidator"/> with the migration's
/// job count, its verdict and one-line summary, and the full report in its JSON form for the migrate
/// summary.
/// </summary>
public sealed class MigrationValidator(ValidationOptions? options = null) : IMigrationValidator
{
    /// <summary>The report of the last validation, for a caller that shows it in full (the human form of a failed migrate).</summary>
    public ValidationReport? LastReport { get; private set; }

    public async Task<MigrationValidationResult> ValidateAsync(PostgresEndpoint source, PostgresEndpoint target, int jobs, IDataProgress progress, CancellationToken cancellationToken)
    {
        var report = await DataValidator.ValidateAsync(source, target, (options ?? new ValidationOptions()) with { Jobs = jobs }, progress, cancellationToken);
        LastReport = report;
        return new MigrationValidationResult(report.Identical, report.Summary, ValidationReportJson.ToJsonNode(report));
    }
}
