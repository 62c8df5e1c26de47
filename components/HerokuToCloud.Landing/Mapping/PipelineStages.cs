using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// How a Heroku pipeline lands: its apps become one landing app per role, and the stack name
/// picks the stage whose values a stack gets.
/// </summary>
/// <remarks>
/// Stack → stage: the stack name, split at '-', '_' and '.', must contain words of exactly one stage:
/// prod, production, prd → production; staging, stage, stg → staging; dev, development →
/// development; review → review; test, qa → test ("prod", "prod-eu" and "shop_staging" all work).
/// Role names: an app's name split at '-' without the stage words (staging, stage, stg, production,
/// prod, prd, development, dev, review, test, qa): shop-web-staging and shop-web-production are
/// both "shop-web"; an app named only by stage words ("staging") takes its pipeline's name.
/// </remarks>
public static class PipelineStages
{
    /// <summary>Stack names per stage; the first is the canonical one.</summary>
    public static readonly IReadOnlyDictionary<PipelineStage, IReadOnlyList<string>> StackNames =
        new Dictionary<PipelineStage, IReadOnlyList<string>>
        {
            [PipelineStage.Production] = ["prod", "production", "prd"],
            [PipelineStage.Staging] = ["staging", "stage", "stg"],
            [PipelineStage.Development] = ["dev", "development"],
            [PipelineStage.Review] = ["review"],
            [PipelineStage.Test] = ["test", "qa"],
        };

    /// <summary>Words stripped from app names to find the role they play in every stage.</summary>
    public static readonly IReadOnlyList<string> StageWords =
        ["staging", "stage", "stg", "production", "prod", "prd", "development", "dev", "review", "test", "qa"];

    /// <summary>The stage a stack name selects, or null when it names none or more than one.</summary>
    public static PipelineStage? ForStack(string stack)
    {
        var stages = stack.ToLowerInvariant()
            .Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(word => StackNames.Where(kv => kv.Value.Contains(word)).Select(kv => kv.Key))
            .Distinct()
            .ToList();
        return stages.Count == 1 ? stages[0] : null;
    }

    /// <summary>An app's name without stage words, or null when nothing else is left.</summary>
    public static string? RoleName(string appName)
    {
        var words = appName.ToLowerInvariant()
            .Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !StageWords.Contains(word))
            .ToList();
        return words.Count == 0 ? null : string.Join('-', words);
    }

    /// <summary>The stage name as the plan and findings spell it ("production").</summary>
    public static string Spell(PipelineStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>
    /// Of <paramref name="available"/>, the stage closest to <paramref name="wanted"/> in the order
    /// test, review, development, staging, production; on a tie the earlier (cheaper) stage.
    /// </summary>
    public static PipelineStage Nearest(IEnumerable<PipelineStage> available, PipelineStage wanted) =>
        available
            .OrderBy(s => Math.Abs((int)s - (int)wanted))
            .ThenBy(s => (int)s)
            .First();
}
