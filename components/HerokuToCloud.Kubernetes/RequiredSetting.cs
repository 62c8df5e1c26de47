namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A config key the team must look at before <c>pulumi up</c>: a secret the stack file never holds (set it
/// with <c>pulumi config set --secret</c>), or a value only the team knows that the stack file fills from the
/// generate options or with a placeholder (the image, hostnames).
/// </summary>
public sealed record RequiredSetting(string Key, bool Secret, string Description);
