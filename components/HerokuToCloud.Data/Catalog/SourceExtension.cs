namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// An extension the source database has and the schema it lives in. The schema matters: Heroku put every
/// extension created between August 2022 and August 2023 in <c>heroku_ext</c>, and the source's functions
/// and defaults call them there.
/// </summary>
public sealed record SourceExtension(string Name, string Schema);
