using System.Text.Json.Nodes;

namespace HerokuToCloud.Tests.Fakes;

/// <summary>
/// Platform API resources shaped as the published v3 schema defines them (every field the
/// schema lists, with its nesting and null-ability), so the fake answers as api.heroku.com does.
/// </summary>
public static class HerokuResources
{
    private const string Stamp = "2024-05-01T12:00:00Z";

    /// <summary>A deterministic UUID for fixture number <paramref name="n"/>.</summary>
    public static string Id(int n) => $"01234567-89ab-cdef-0123-{n:D12}";

    public static JsonObject Account(string email) => new()
    {
        ["allow_tracking"] = true,
        ["beta"] = false,
        ["created_at"] = Stamp,
        ["email"] = email,
        ["federated"] = false,
        ["id"] = Id(9000),
        ["identity_provider"] = null,
        ["last_login"] = Stamp,
        ["name"] = "Ops",
        ["sms_number"] = null,
        ["suspended_at"] = null,
        ["delinquent_at"] = null,
        ["two_factor_authentication"] = true,
        ["updated_at"] = Stamp,
        ["verified"] = true,
    };

    public static JsonObject App(
        int id,
        string name,
        string region = "us",
        string stack = "heroku-24",
        string? buildStack = null,
        string generation = "cedar",
        string? space = null,
        bool shield = false,
        bool? internalRouting = null) => new()
    {
        ["acm"] = true,
        ["archived_at"] = null,
        ["buildpack_provided_description"] = "Ruby/Rack",
        ["build_stack"] = Named(id + 1, buildStack ?? stack),
        ["created_at"] = Stamp,
        ["generation"] = Named(id + 2, generation),
        ["git_url"] = $"https://git.heroku.com/{name}.git",
        ["id"] = Id(id),
        ["internal_routing"] = internalRouting,
        ["maintenance"] = false,
        ["name"] = name,
        ["owner"] = new JsonObject { ["email"] = "ops@example.com", ["id"] = Id(9000) },
        ["organization"] = Named(9100, "shop-team"),
        ["team"] = Named(9100, "shop-team"),
        ["region"] = Named(id + 3, region),
        ["released_at"] = Stamp,
        ["repo_size"] = null,
        ["slug_size"] = 52_428_800,
        ["space"] = space is null ? null : new JsonObject { ["id"] = Id(id + 4), ["name"] = space, ["shield"] = shield },
        ["stack"] = Named(id + 5, stack),
        ["updated_at"] = Stamp,
        ["web_url"] = $"https://{name}-0123456789ab.herokuapp.com/",
    };

    public static JsonObject Formation(int id, string app, string type, string command, int quantity, string size) => new()
    {
        ["app"] = new JsonObject { ["name"] = app, ["id"] = Id(id + 900) },
        ["command"] = command,
        ["created_at"] = Stamp,
        ["dyno_size"] = Named(id + 800, size),
        ["id"] = Id(id),
        ["quantity"] = quantity,
        ["size"] = DeprecatedSpelling(size),
        ["type"] = type,
        ["updated_at"] = Stamp,
    };

    public static JsonObject Addon(int id, string name, string plan, string ownerApp, int ownerAppId, params string[] configVars)
    {
        var service = plan.Split(':')[0];
        return new JsonObject
        {
            ["actions"] = new JsonArray(),
            ["addon_service"] = Named(id + 1, service),
            ["billing_entity"] = new JsonObject { ["id"] = Id(ownerAppId), ["name"] = ownerApp, ["type"] = "app" },
            ["app"] = new JsonObject { ["id"] = Id(ownerAppId), ["name"] = ownerApp },
            ["billed_price"] = new JsonObject { ["cents"] = 5000, ["contract"] = false, ["unit"] = "month" },
            ["config_vars"] = new JsonArray(configVars.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["created_at"] = Stamp,
            ["id"] = Id(id),
            ["name"] = name,
            ["plan"] = Named(id + 2, plan),
            ["provider_id"] = "abcd1234",
            ["provision_message"] = null,
            ["state"] = "provisioned",
            ["updated_at"] = Stamp,
            ["web_url"] = $"https://addons-sso.heroku.com/apps/{Id(ownerAppId)}/addons/{Id(id)}",
        };
    }

    public static JsonObject Attachment(int id, string name, string app, int appId, JsonObject addon, string? ns = null) => new()
    {
        ["addon"] = new JsonObject
        {
            ["id"] = addon["id"]!.DeepClone(),
            ["name"] = addon["name"]!.DeepClone(),
            ["app"] = addon["app"]!.DeepClone(),
        },
        ["app"] = new JsonObject { ["id"] = Id(appId), ["name"] = app },
        ["created_at"] = Stamp,
        ["id"] = Id(id),
        ["name"] = name,
        ["namespace"] = ns,
        ["updated_at"] = Stamp,
        ["web_url"] = addon["web_url"]!.DeepClone(),
        ["log_input_url"] = null,
    };

    public static JsonObject Domain(int id, string app, int appId, string hostname, string kind) => new()
    {
        ["acm_status"] = kind == "custom" ? "cert issued" : null,
        ["acm_status_reason"] = null,
        ["app"] = new JsonObject { ["name"] = app, ["id"] = Id(appId) },
        ["cname"] = kind == "custom" ? $"{hostname.Replace('.', '-')}-0123.herokudns.com" : null,
        ["created_at"] = Stamp,
        ["hostname"] = hostname,
        ["id"] = Id(id),
        ["kind"] = kind,
        ["updated_at"] = Stamp,
        ["status"] = "succeeded",
        ["sni_endpoint"] = null,
    };

    public static JsonObject Coupling(int id, int appId, int pipelineId, string stage) => new()
    {
        ["app"] = new JsonObject { ["id"] = Id(appId) },
        ["created_at"] = Stamp,
        ["id"] = Id(id),
        ["pipeline"] = new JsonObject { ["id"] = Id(pipelineId) },
        ["stage"] = stage,
        ["updated_at"] = Stamp,
    };

    public static JsonObject Pipeline(int id, string name) => new()
    {
        ["created_at"] = Stamp,
        ["id"] = Id(id),
        ["name"] = name,
        ["owner"] = new JsonObject { ["id"] = Id(9100), ["type"] = "team" },
        ["updated_at"] = Stamp,
        ["generation"] = Named(id + 1, "cedar"),
    };

    public static JsonObject Buildpack(int ordinal, string name, string url) => new()
    {
        ["ordinal"] = ordinal,
        ["buildpack"] = new JsonObject { ["url"] = url, ["name"] = name },
    };

    public static JsonObject Feature(int id, string name, bool enabled) => new()
    {
        ["created_at"] = Stamp,
        ["description"] = $"Causes app to {name}.",
        ["doc_url"] = $"http://devcenter.heroku.com/articles/{name}",
        ["enabled"] = enabled,
        ["id"] = Id(id),
        ["name"] = name,
        ["state"] = "public",
        ["updated_at"] = Stamp,
        ["display_name"] = name,
        ["feedback_email"] = "feedback@heroku.com",
    };

    public static JsonObject LogDrain(int id, string app, int appId, string url, JsonObject? addon = null) => new()
    {
        ["addon"] = addon is null
            ? null
            : new JsonObject { ["id"] = addon["id"]!.DeepClone(), ["name"] = addon["name"]!.DeepClone(), ["app"] = addon["app"]!.DeepClone() },
        ["app"] = new JsonObject { ["id"] = Id(appId), ["name"] = app },
        ["created_at"] = Stamp,
        ["id"] = Id(id),
        ["token"] = $"d.{Id(id)}",
        ["updated_at"] = Stamp,
        ["url"] = url,
    };

    public static JsonObject ConfigVars(params (string Name, string Value)[] vars)
    {
        var body = new JsonObject();
        foreach (var (name, value) in vars)
            body[name] = value;
        return body;
    }

    private static JsonObject Named(int id, string name) => new() { ["id"] = Id(id), ["name"] = name };

    /// <summary>The deprecated formation.size spelling ("Standard-1X") that dyno_size.name replaced.</summary>
    private static string DeprecatedSpelling(string size) =>
        string.Join('-', size.Split('-').Select(part => part.Length == 2 && part.EndsWith('x') ? part.ToUpperInvariant() : char.ToUpperInvariant(part[0]) + part[1..]));
}
