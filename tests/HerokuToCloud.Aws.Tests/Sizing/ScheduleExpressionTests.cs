using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests.Sizing;

public class ScheduleExpressionTests
{
    [Theory]
    [InlineData("*/10", "*", "cron(0/10 * * * ? *)")]
    [InlineData("0", "*", "cron(0 * * * ? *)")]
    [InlineData("50", "*", "cron(50 * * * ? *)")]
    [InlineData("30", "9", "cron(30 9 * * ? *)")]
    [InlineData("0", "23", "cron(0 23 * * ? *)")]
    [InlineData("0,30", "1-5", "cron(0,30 1-5 * * ? *)")]
    public void Writes_six_field_EventBridge_cron(string minute, string hour, string expected) =>
        Assert.Equal(expected, ScheduleExpression.From(new CronSchedule(minute, hour)));

    [Theory]
    [InlineData("61", "*")]
    [InlineData("0", "24")]
    [InlineData("every", "*")]
    [InlineData("0", "?")]
    public void Rejects_fields_EventBridge_would_reject(string minute, string hour) =>
        Assert.Throws<AwsLandingException>(() => ScheduleExpression.From(new CronSchedule(minute, hour)));
}
