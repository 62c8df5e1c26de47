using System.Text.RegularExpressions;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// EventBridge Scheduler's six-field cron (minute hour day-of-month month day-of-week year) from the
/// plan's UTC schedule. EventBridge wants "?" in day-of-week when day-of-month is "*", and writes a
/// step from the start of the range as "0/10" where Vixie cron writes "*/10".
/// </summary>
public static partial class ScheduleExpression
{
    public static string From(CronSchedule schedule) =>
        $"cron({Field(schedule.Minute, 59, "minute")} {Field(schedule.Hour, 23, "hour")} * * ? *)";

    private static string Field(string field, int max, string what)
    {
        var text = field.Trim();
        if (!FieldPattern().IsMatch(text))
            throw new AwsLandingException($"'{text}' is not a cron {what} field EventBridge Scheduler accepts (use *, */N, N, N-M or lists of them).");
        foreach (Match number in NumberPattern().Matches(text))
        {
            if (int.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture) > max && !text.Contains('/' + number.Value, StringComparison.Ordinal))
                throw new AwsLandingException($"The cron {what} field '{text}' has {number.Value}, above {max}.");
        }

        return text.StartsWith("*/", StringComparison.Ordinal) ? "0" + text[1..] : text;
    }

    [GeneratedRegex(@"^(\*|\*/\d+|\d+(-\d+)?(/\d+)?)(,(\d+(-\d+)?(/\d+)?))*$")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
