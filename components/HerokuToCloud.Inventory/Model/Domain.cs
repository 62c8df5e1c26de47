namespace HerokuToCloud.Inventory;

/// <summary>A custom domain on an app. Heroku's own *.herokuapp.com names are not recorded.</summary>
public sealed record Domain(string Hostname);
