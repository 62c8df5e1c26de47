namespace HerokuToCloud.Kubernetes;

/// <summary>A config key the generated stack file leaves unset: the team sets it (with --secret when <paramref name="Secret"/>).</summary>
public sealed record RequiredSetting(string Key, bool Secret, string Description);
