namespace HerokuToCloud.Inventory;

/// <summary>
/// A Heroku system as a team runs it: one or more apps and the add-ons they share.
/// This is the inventory, written in Heroku's own words; every reader produces one and
/// every later stage starts from one. It never holds a config var value.
/// </summary>
public sealed record HerokuSystem
{
    /// <summary>Short name of the system; becomes the Pulumi project name.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<HerokuApp> Apps { get; init; } = [];

    /// <summary>Add-ons are listed once per system because Heroku shares them across apps.</summary>
    public IReadOnlyList<Addon> Addons { get; init; } = [];

    /// <summary>Where this inventory was captured from (file names, "heroku platform api").</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Anything about the system that no field captures; carried into the landing plan.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
