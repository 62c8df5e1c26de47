namespace HerokuToCloud.Inventory;

/// <summary>An app's place in a Heroku pipeline.</summary>
public sealed record PipelineCoupling(string Pipeline, PipelineStage Stage);

public enum PipelineStage
{
    Test,
    Review,
    Development,
    Staging,
    Production,
}
