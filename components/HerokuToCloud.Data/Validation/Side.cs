namespace HerokuToCloud.Data.Validation;

/// <summary>Which database of the pair a session, catalog or row belongs to.</summary>
public enum Side
{
    Source,
    Target,
}
