using System.Globalization;
using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// Heroku Scheduler frequency → UTC cron (heroku-facts 4a, 9): every 10 minutes → "*/10 *";
/// hourly at :MM → "MM *"; daily at HH:MM → "MM HH". Numbers carry no leading zeros, a form both
/// EventBridge's cron() and Kubernetes' five-field cron accept.
/// </summary>
public static class ScheduleMapping
{
    public static CronSchedule ToCron(SchedulerFrequency frequency) => frequency.Interval switch
    {
        SchedulerInterval.TenMinutes => new CronSchedule("*/10", "*"),
        SchedulerInterval.Hourly => new CronSchedule(Number(frequency.Minute), "*"),
        SchedulerInterval.Daily => new CronSchedule(Number(frequency.Minute), Number(frequency.Hour)),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency.Interval, "unknown Heroku Scheduler interval"),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
