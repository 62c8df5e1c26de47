namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// A team var of one captured app set by hand to the very value that a rebuilt datastore's add-on injects into
/// another captured app (shop-admin's DATABASE_URL = shop-web's Heroku Postgres URL). Copied, it would point the
/// new system at the old datastore, and the inventory cannot say "the URL of that app's datastore" (refersTo names
/// a var of the same app), so capture keeps its value out of the secrets file and says what to do instead.
/// Names only: the value is what made the match and goes no further.
/// </summary>
/// <param name="App">The app whose team var holds the copy.</param>
/// <param name="Var">That var.</param>
/// <param name="SourceApp">The app the add-on injects the value into.</param>
/// <param name="SourceVar">The var it injects there (DATABASE_URL).</param>
/// <param name="Addon">The add-on's name.</param>
/// <param name="Service">The add-on's service (heroku-postgresql).</param>
internal sealed record DatastoreUrlCopy(string App, string Var, string SourceApp, string SourceVar, string Addon, string Service)
{
    /// <summary>What capture tells the user, naming apps, vars and the add-on, never the value.</summary>
    public string Warning
    {
        get
        {
            // The attachment name Heroku derives DATABASE_URL from is DATABASE; a var not ending in _URL keeps Heroku's default name.
            var attachAs = Var.EndsWith("_URL", StringComparison.Ordinal) && Var[..^4] is var name && HerokuNames.IsAttachmentName(name) ? $" --as {name}" : "";
            return $"{App}: {Var} has the same value as {SourceApp}'s {SourceVar}, which add-on {Addon} ({Service}) injects: it is the URL of that Heroku datastore, " +
                   "so its value is not copied to a secrets file (it would point the new system at the old datastore). " +
                   $"Either attach {Addon} to {App} on Heroku (`heroku config:unset {Var} -a {App}`, then `heroku addons:attach {Addon} -a {App}{attachAs}`) and capture again, " +
                   $"so {Var} gets the new datastore's URL; or, once `pulumi up` has made the new datastore, set {App}'s secret config {Var} to its URL.";
        }
    }
}
