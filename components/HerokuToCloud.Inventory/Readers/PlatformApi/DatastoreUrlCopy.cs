namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// A team var of one captured app set by hand to the very value that a rebuilt datastore's add-on injects into
/// another captured app (shop-admin's DATABASE_URL = shop-web's Heroku Postgres URL). Capture records it as
/// <c>refersTo</c> that var with <c>refersToApp</c> that app, so on the new platform it gets the new datastore's
/// URL, as an attachment would, and its Heroku value, which would point the new system at the old datastore, is
/// never copied. Names only: the value is what made the match and goes no further.
/// </summary>
/// <param name="App">The app whose team var holds the copy.</param>
/// <param name="Var">That var.</param>
/// <param name="SourceApp">The app the add-on injects the value into.</param>
/// <param name="SourceVar">The var it injects there (DATABASE_URL).</param>
/// <param name="Addon">The add-on's name.</param>
/// <param name="Service">The add-on's service (heroku-postgresql).</param>
internal sealed record DatastoreUrlCopy(string App, string Var, string SourceApp, string SourceVar, string Addon, string Service)
{
    /// <summary>The app's note, naming apps, vars and the add-on, never the value.</summary>
    public string Note =>
        $"{Var} has the same value as {SourceApp}'s {SourceVar}, which add-on {Addon} ({Service}) injects there; recorded as refersTo {SourceVar} " +
        $"with refersToApp {SourceApp}, so {Var} gets the URL of the datastore that replaces {Addon} (and {App} may reach it), and its Heroku value is not copied. " +
        $"On Heroku, attaching {Addon} to {App} (`heroku addons:attach {Addon} -a {App}`) would keep it right when the credentials rotate.";
}
