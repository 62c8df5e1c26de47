namespace HerokuToCloud.Inventory;

/// <summary>
/// What heroku2cloud knows about one add-on service: the attachment name Heroku gives it when a
/// manifest says nothing (its config var prefix), the config var suffixes it injects, and the plan
/// Heroku provisions when a manifest names the service without one.
/// </summary>
/// <param name="Service">Service name as it appears in a plan ("heroku-postgresql").</param>
/// <param name="DefaultAttachment">Attachment name without "as" ("DATABASE", "NEW_RELIC").</param>
/// <param name="VarSuffixes">
/// Injected vars are ATTACHMENT_SUFFIX: an attachment "as" REDIS_CACHE of heroku-redis injects
/// REDIS_CACHE_URL and REDIS_CACHE_TLS_URL.
/// </param>
/// <param name="DefaultPlan">Heroku's plan for a bare service name; null when heroku2cloud does not know it.</param>
public sealed record KnownAddon(
    string Service,
    string DefaultAttachment,
    IReadOnlyList<string> VarSuffixes,
    string? DefaultPlan)
{
    /// <summary>The config var names an attachment of this service under <paramref name="attachment"/> injects.</summary>
    public IReadOnlyList<string> ConfigVarsFor(string attachment) =>
        VarSuffixes.Select(suffix => $"{attachment}_{suffix}").ToArray();
}

