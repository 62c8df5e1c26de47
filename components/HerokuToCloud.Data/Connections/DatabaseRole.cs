namespace HerokuToCloud.Data.Connections;

/// <summary>Which side of a migration a connection talks to; it decides read-only-ness and how errors are worded.</summary>
public enum DatabaseRole
{
    Source,
    Target,
}
