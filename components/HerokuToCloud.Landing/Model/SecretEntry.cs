namespace HerokuToCloud.Landing;

/// <summary>One environment variable an app receives through the secret store, and where its value comes from.</summary>
public sealed record SecretEntry(string Name, SecretSource Source);

/// <summary>Where a secret's value comes from on the new platform.</summary>
public abstract record SecretSource;

/// <summary>The team sets it as Pulumi secret config under <paramref name="ConfigKey"/>.</summary>
public sealed record FromSecretConfig(string ConfigKey) : SecretSource;

/// <summary>A new random value (app.json generator "secret").</summary>
public sealed record GeneratedSecret(int Length = 64) : SecretSource;

/// <summary>Rebuilt from a new datastore: its connection URL in the given form.</summary>
public sealed record FromDatastore(string Datastore, DatastoreUrl Url) : SecretSource;

public enum DatastoreUrl
{
    /// <summary>postgres://user:password@host:5432/db, or redis:// for a cache without TLS.</summary>
    Url,

    /// <summary>rediss://:token@host:6379 (Heroku's REDIS_TLS_URL form).</summary>
    TlsUrl,
}
