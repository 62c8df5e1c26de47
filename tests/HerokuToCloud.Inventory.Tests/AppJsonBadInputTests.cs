using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests;

/// <summary>Broken app.json files fail with file, line, column and JSON path, and say what to write.</summary>
public class AppJsonBadInputTests
{
    private static InventoryException Fails(string json) =>
        Errors.Throws(() => AppManifestReader.Read(Fixture.AppJson(json, "web: bin/web\n")));

    [Theory]
    [InlineData("{\n  \"name\": \"x\",\n  \"env\": {\n    \"A\": \"1\",\n  }\n}", 5, 3, "$.env", "This is not valid JSON")]
    [InlineData("{\n  \"name\": \"x\"\n  \"stack\": \"heroku-24\"\n}", 3, 3, "$", "This is not valid JSON")]
    [InlineData("{ \"name\": \"x\", // comment\n}", 1, 16, null, "This is not valid JSON")]
    [InlineData("{ \"addons\": [\"heroku-redis\"", 1, 28, "$.addons", "This is not valid JSON")]
    [InlineData("{} {}", 1, 4, "$", "This is not valid JSON")]
    [InlineData("", 1, 1, null, "the file is empty")]
    [InlineData("[1, 2]", 1, 1, "$", "expected an object (app.json is a JSON object")]
    public void Syntax_errors_name_line_column_and_path(string json, int line, int column, string? path, string fragment)
    {
        var error = Fails(json);

        Errors.Located(error, "app.json", line, column, path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"formation\": {\n    \"web\": { \"quantity\": 1, \"size\": \"Standard-3X\" }\n  }\n}", 3, 37, "$.formation.web.size", "'Standard-3X' is not a Heroku dyno size")]
    [InlineData("{\n  \"formation\": {\n    \"web\": { \"quantity\": -1 }\n  }\n}", 3, 26, "$.formation.web.quantity", "cannot be negative")]
    [InlineData("{\n  \"formation\": {\n    \"web\": { \"quantity\": 1.5 }\n  }\n}", 3, 26, "$.formation.web.quantity", "is a whole number of dynos")]
    [InlineData("{\n  \"formation\": { \"web server\": {} }\n}", 2, 18, "$.formation['web server']", "is not a process type")]
    [InlineData("{\n  \"addons\": [ { \"as\": \"DATABASE\" } ]\n}", 2, 15, "$.addons[0]", "this add-on has no \"plan\"")]
    [InlineData("{\n  \"addons\": [ \"heroku-postgresql:\" ]\n}", 2, 15, "$.addons[0]", "the plan after 'heroku-postgresql:' is empty")]
    [InlineData("{\n  \"addons\": [ \"Heroku Postgres\" ]\n}", 2, 15, "$.addons[0]", "'Heroku' is not an add-on service name")]
    [InlineData("{\n  \"addons\": [ { \"plan\": \"heroku-postgresql\", \"as\": \"main-db\" } ]\n}", 2, 25, "$.addons[0].plan", "'main-db' is not a valid attachment name; use upper-case letters, digits and '_', starting with a letter (for example MAIN_DB)")]
    [InlineData("{\n  \"addons\": [ { \"plan\": \"heroku-redis\", \"options\": { \"\": \"7\" } } ]\n}", 2, 58, "$.addons[0].options['']", "an add-on option needs a name")]
    [InlineData("{\n  \"addons\": [ \"0rly\" ]\n}", 2, 15, "$.addons[0]", "0rly has no valid default attachment name (0RLY starts with a digit); give it an \"as\" name, for example ADDON_0RLY")]
    [InlineData("{\n  \"addons\": [ 42 ]\n}", 2, 15, "$.addons[0]", "an add-on is a plan string or an object {plan, as, options}, not a number")]
    [InlineData("{\n  \"addons\": [\"heroku-postgresql\", \"heroku-postgresql:standard-0\"]\n}", 2, 35, "$.addons[1]", "heroku-postgresql is declared twice with the attachment name DATABASE (also app.json line 2 ($.addons[0])); give the second one its own \"as\" name")]
    [InlineData("{\n  \"addons\": [\"heroku-redis\", { \"plan\": \"heroku-postgresql\", \"as\": \"REDIS\" }]\n}", 2, 40, "$.addons[1].plan", "the attachment name REDIS is already taken by heroku-redis")]
    [InlineData("{\n  \"env\": { \"my-var\": \"1\" }\n}", 2, 12, "$.env.my-var", "is not a config var name")]
    [InlineData("{\n  \"env\": { \"A\": { \"required\": \"yes\" } }\n}", 2, 31, "$.env.A.required", "\"required\" is true or false, not a string")]
    [InlineData("{\n  \"env\": { \"A\": { \"generator\": \"uuid\" } }\n}", 2, 32, "$.env.A.generator", "the only one is \"secret\"")]
    [InlineData("{\n  \"env\": { \"A\": { \"value\": [1] } }\n}", 2, 28, "$.env.A.value", "a config var's value is a string, number or boolean")]
    [InlineData("{\n  \"env\": { \"A\": [\"x\"] }\n}", 2, 17, "$.env.A", "not an array")]
    [InlineData("{\n  \"buildpacks\": [ \"heroku/ruby\" ]\n}", 2, 19, "$.buildpacks[0]", "expected an object such as {\"url\": \"heroku/nodejs\"}, found a string")]
    [InlineData("{\n  \"buildpacks\": [ { \"name\": \"heroku/ruby\" } ]\n}", 2, 19, "$.buildpacks[0]", "this buildpack has no \"url\"")]
    [InlineData("{\n  \"scripts\": { \"postdeploy\": { \"size\": \"basic\" } }\n}", 2, 30, "$.scripts.postdeploy", "has no \"command\"")]
    [InlineData("{\n  \"scripts\": { \"postdeploy\": 7 }\n}", 2, 30, "$.scripts.postdeploy", "found a number")]
    [InlineData("{\n  \"stack\": \"Heroku 24\"\n}", 2, 12, "$.stack", "is not a Heroku stack name")]
    [InlineData("{\n  \"name\": 12\n}", 2, 11, "$.name", "expected the app's name as a string, found a number")]
    [InlineData("{\n  \"environments\": {\n    \"review\": { \"formation\": { \"web\": { \"size\": \"huge\" } } }\n  }\n}", 3, 49, "$.environments.review.formation.web.size", "'huge' is not a Heroku dyno size")]
    [InlineData("{\n  \"environments\": { \"test\": { \"addons\": [ { } ] } }\n}", 2, 43, "$.environments.test.addons[0]", "this add-on has no \"plan\"")]
    [InlineData("{ \"name\": \"caf\\ud800\" }", 1, 11, "$.name", "not valid Unicode")]
    [InlineData("{\n  \"env\": {\n    \"X_DB\": \"$Y_DB\",\n    \"Y_DB\": { \"value\": \"${X_DB}\" }\n  }\n}", 3, 5, "$.env.X_DB", "the config vars X_DB (app.json line 3 ($.env.X_DB)), Y_DB (app.json line 4 ($.env.Y_DB)) take their values from each other in a loop (X_DB → Y_DB → X_DB), so none of them has a value; give one of them its value")]
    [InlineData("{\n  \"env\": { \"X_DB\": \"$X_DB\" }\n}", 2, 12, "$.env.X_DB", "in a loop (X_DB → X_DB)")]
    public void Wrong_content_names_line_column_and_json_path(string json, int line, int column, string path, string fragment)
    {
        var error = Fails(json);

        Errors.Located(error, "app.json", line, column, path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var error = Fails("{ \"description\": \"café ☕\", \"stack\": 1 }");

        Errors.Located(error, "app.json", 1, 37, "$.stack");
    }

    [Theory]
    [InlineData("Shop", "'Shop' is not a valid Heroku app name")]
    [InlineData("a", "'a' is not a valid Heroku app name")]
    public void An_invalid_explicit_app_name_is_refused(string name, string fragment)
    {
        var error = Errors.Throws(() => AppManifestReader.Read(Fixture.AppJson("{}", "web: x\n"), appName: name));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_capture_is_refused()
    {
        var error = Errors.Throws(() => AppManifestReader.Read(new AppManifests(null, null, null)));
        Assert.Contains("capture needs at least one of app.json, Procfile or heroku.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Errors.Throws(() => AppManifests.FromFiles("/nowhere/app.json", null, null));
        Assert.Contains("cannot read the app.json '/nowhere/app.json'", error.Message, StringComparison.Ordinal);

        var directory = Errors.Throws(() => AppManifests.FromDirectory(Path.GetTempPath()));
        Assert.Contains("holds no app.json, Procfile or heroku.yml", directory.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"env\": {\n    \"A\": \"1\",\n  }\n}", "a trailing comma, which JSON does not allow; remove it.")]
    [InlineData("{ \"name\": \"x\", // comment\n}", "a comment, which JSON does not allow; remove it.")]
    public void Trailing_commas_and_comments_are_named_without_the_parsers_advice(string json, string fragment)
    {
        var error = Fails(json);

        // The JSON library's own advice ("Change the reader options") is for programmers, not for a user's app.json.
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("this mode", error.Message, StringComparison.Ordinal);
    }
}
