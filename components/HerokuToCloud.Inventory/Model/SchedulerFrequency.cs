using System.Globalization;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Inventory;

/// <summary>
/// How often Heroku Scheduler runs a job. Heroku offers exactly three shapes, all in UTC:
/// every 10 minutes; every hour at :00, :10 … :50; every day at HH:00 or HH:30.
/// The inventory spells them "every 10 minutes", "hourly at :MM" and "daily at HH:MM".
/// </summary>
public sealed partial record SchedulerFrequency
{
    private SchedulerFrequency(SchedulerInterval interval, int hour, int minute)
    {
        Interval = interval;
        Hour = hour;
        Minute = minute;
    }

    public SchedulerInterval Interval { get; }

    /// <summary>UTC hour for daily jobs; 0 otherwise.</summary>
    public int Hour { get; }

    /// <summary>Minute past the hour for hourly and daily jobs; 0 for every-10-minutes jobs.</summary>
    public int Minute { get; }

    public static SchedulerFrequency EveryTenMinutes { get; } = new(SchedulerInterval.TenMinutes, 0, 0);

    public static SchedulerFrequency Hourly(int minute) =>
        minute is >= 0 and <= 50 && minute % 10 == 0
            ? new(SchedulerInterval.Hourly, 0, minute)
            : throw new FormatException($"Heroku Scheduler runs hourly jobs at :00, :10, :20, :30, :40 or :50, not :{minute:00}.");

    public static SchedulerFrequency Daily(int hour, int minute) =>
        hour is >= 0 and <= 23 && minute is 0 or 30
            ? new(SchedulerInterval.Daily, hour, minute)
            : throw new FormatException($"Heroku Scheduler runs daily jobs at HH:00 or HH:30 UTC, not {hour:00}:{minute:00}.");

    /// <summary>Parses the inventory spelling; throws <see cref="FormatException"/> with the accepted forms.</summary>
    public static SchedulerFrequency Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (TenMinutesPattern().IsMatch(t))
            return EveryTenMinutes;
        if (HourlyPattern().Match(t) is { Success: true } h)
            return Hourly(int.Parse(h.Groups["m"].Value, CultureInfo.InvariantCulture));
        if (DailyPattern().Match(t) is { Success: true } d)
            return Daily(int.Parse(d.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(d.Groups["m"].Value, CultureInfo.InvariantCulture));
        throw new FormatException(
            $"'{text}' is not a Heroku Scheduler frequency; use \"every 10 minutes\", \"hourly at :MM\" or \"daily at HH:MM\" (UTC).");
    }

    public override string ToString() => Interval switch
    {
        SchedulerInterval.TenMinutes => "every 10 minutes",
        SchedulerInterval.Hourly => $"hourly at :{Minute:00}",
        _ => $"daily at {Hour:00}:{Minute:00}",
    };

    [GeneratedRegex(@"^every 10 min(ute)?s?$")]
    private static partial Regex TenMinutesPattern();

    [GeneratedRegex(@"^(hourly|every hour) at :(?<m>\d{1,2})$")]
    private static partial Regex HourlyPattern();

    [GeneratedRegex(@"^(daily|every day) at (?<h>\d{1,2}):(?<m>\d{2})( utc)?$")]
    private static partial Regex DailyPattern();
}

public enum SchedulerInterval
{
    TenMinutes,
    Hourly,
    Daily,
}
