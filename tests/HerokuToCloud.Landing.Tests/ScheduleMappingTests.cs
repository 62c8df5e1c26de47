using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing.Tests;

public class ScheduleMappingTests
{
    [Fact]
    public void Every_ten_minutes()
    {
        var cron = ScheduleMapping.ToCron(SchedulerFrequency.EveryTenMinutes);

        Assert.Equal(new CronSchedule("*/10", "*"), cron);
        Assert.Equal("*/10 * * * *", cron.ToString());
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(10, "10")]
    [InlineData(20, "20")]
    [InlineData(30, "30")]
    [InlineData(40, "40")]
    [InlineData(50, "50")]
    public void Hourly_at_minute(int minute, string field)
    {
        Assert.Equal(new CronSchedule(field, "*"), ScheduleMapping.ToCron(SchedulerFrequency.Hourly(minute)));
    }

    [Theory]
    [InlineData(0, 0, "0", "0")]
    [InlineData(0, 30, "30", "0")]
    [InlineData(3, 30, "30", "3")]
    [InlineData(9, 0, "0", "9")]
    [InlineData(12, 30, "30", "12")]
    [InlineData(23, 30, "30", "23")]
    public void Daily_at_hour_and_minute_without_leading_zeros(int hour, int minute, string minuteField, string hourField)
    {
        var cron = ScheduleMapping.ToCron(SchedulerFrequency.Daily(hour, minute));

        Assert.Equal(new CronSchedule(minuteField, hourField), cron);
        Assert.Equal($"{minuteField} {hourField} * * *", cron.ToString());
    }

    [Theory]
    [InlineData("every 10 minutes", "*/10 * * * *")]
    [InlineData("hourly at :00", "0 * * * *")]
    [InlineData("hourly at :50", "50 * * * *")]
    [InlineData("daily at 00:00", "0 0 * * *")]
    [InlineData("daily at 07:30", "30 7 * * *")]
    public void Inventory_spellings_map_end_to_end(string frequency, string cron)
    {
        Assert.Equal(cron, ScheduleMapping.ToCron(SchedulerFrequency.Parse(frequency)).ToString());
    }
}
