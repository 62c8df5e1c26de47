namespace HerokuToCloud.Inventory.Readers.Secrets;

/// <summary>Where the values of a <see cref="CapturedSecrets"/> came from, which decides what its file tells the team.</summary>
public enum SecretsOrigin
{
    /// <summary>The apps' real config var values, read with <c>capture --app</c>.</summary>
    PlatformApi,

    /// <summary>The defaults the manifests declare (app.json env, heroku.yml setup.config; <c>capture --dir</c>, <c>--app-json</c>): to check before use.</summary>
    Manifests,
}
