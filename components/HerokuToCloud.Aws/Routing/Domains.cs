using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// The certificate (and, with a Route 53 hosted zone, the DNS records) of a web app's custom domains.
/// </summary>
/// <remarks>
/// Stages of a pipeline have different numbers of domains (staging one, production two), every
/// stack must share one Pulumi.yaml, and Pulumi YAML has no loops: one Route 53 record or ACM
/// validation record per domain would make the program depend on the stage. So the certificate and
/// records are a small CloudFormation stack whose template is joined from the stack's host list
/// (<c>{app}Domains</c>): CloudFormation's certificate resource writes its own DNS validation records
/// into the hosted zone, and a Route 53 record set group takes a list of alias records, so N hosts in
/// a stack give N names and N records with no change to the program. Without a hosted zone the
/// certificate waits for the validation CNAMEs the team creates (shown in the ACM console and by
/// <c>aws acm describe-certificate</c>), and the load balancer's DNS name is a stack output.
/// </remarks>
internal static partial class Domains
{
    public const int TimeoutMinutes = 120;

    /// <summary>The stack config key holding an app's host names, primary first.</summary>
    public static string Key(AppLanding app) => ConfigKeys.Of(app.Name, "domains");

    /// <summary>Adds the certificate; returns the ARN a listener may use (it exists once the certificate is issued).</summary>
    /// <param name="before">
    /// What the app's services wait for (its data migrations and release phase). With a hosted zone the same stack
    /// points the hosts at the load balancer, which moves their traffic: it waits too, so a copy that runs for
    /// hours, or fails, does not leave the hosts on a load balancer with nothing behind it.
    /// </param>
    public static Value Add(AwsProgram program, AppRuntime runtime, string prefix, Resource loadBalancer, IReadOnlyList<string> before)
    {
        var app = runtime.App;
        var owner = runtime.Owner;
        foreach (var host in app.Domains.Where(h => !HostPattern().IsMatch(h)))
            throw new AwsLandingException($"App {app.Name} has the domain '{host}', which is not a host name ACM can issue a certificate for; fix it in the inventory.");

        var key = Key(app);
        var domains = program.Config(key, ConfigType.StringList, app.Domains.Count > 0 ? Value.List(app.Domains.Select(d => (Value)d)) : null,
            $"Custom domains of {app.Name}, the certificate's name first; any number per stack, at least one.", owner);
        if (app.Domains.Count == 0)
        {
            program.Report(FindingSeverity.Warning, owner,
                $"had no custom domain in this stage on Heroku, but another stage has one, so every stack serves {app.Name} over HTTPS: choose its host names " +
                $"before pulumi up: pulumi config set --path '{key}[0]' <host>.");
        }

        var zoned = program.Options.HostedZoneId is not null;
        var parameters = new MapValue { ["Domains"] = new JoinValue(",", domains) };
        if (zoned)
        {
            parameters["HostedZoneId"] = program.HostedZoneId;
            parameters["LoadBalancerDnsName"] = loadBalancer.Ref("dnsName");
            parameters["LoadBalancerZoneId"] = loadBalancer.Ref("zoneId");
        }

        var certificate = program.Add($"{prefix}-certificate", AwsTypes.CloudFormationStack, new MapValue
        {
            ["templateBody"] = Template(app, domains, zoned),
            ["parameters"] = parameters,
            ["timeoutInMinutes"] = TimeoutMinutes,
            ["onFailure"] = "DELETE",
        }, owner, new ResourceOptions
        {
            CustomTimeouts = new CustomTimeouts(Create: $"{TimeoutMinutes}m", Update: $"{TimeoutMinutes}m"),
            DependsOn = zoned ? [.. before] : [],
        }, app: app.Name);

        AdviseOnCertificateNames(program, app, key, owner);
        if (zoned)
            AdviseOnZoneRecords(program, app, key, owner);
        else
        {
            program.AddOutput(ConfigKeys.Of(app.Name, "dnsTarget"), loadBalancer.Ref("dnsName"), owner);
            program.Report(FindingSeverity.Warning, owner,
                $"no Route 53 hosted zone was given: while pulumi up waits (up to {TimeoutMinutes / 60} hours) for {app.Name}'s certificate, create its validation CNAMEs " +
                $"(ACM console, or aws acm describe-certificate) and point the domains in {key} at the load balancer (output {ConfigKeys.Of(app.Name, "dnsTarget")}); " +
                "or generate with --hosted-zone-id to have the records created.");
        }

        return certificate.Ref("outputs.CertificateArn");
    }

    /// <summary>ACM's default quota of names per certificate (adjustable up to <see cref="MostNamesPerCertificate"/>).</summary>
    public const int NamesPerCertificate = 10;

    public const int MostNamesPerCertificate = 100;

    /// <summary>The certificate's first name is its subject common name, which X.509 limits to 64 characters.</summary>
    public const int CommonNameMax = 64;

    /// <summary>
    /// Heroku takes any number of custom domains per app; one ACM certificate does not, and ACM refuses the
    /// request only when pulumi up reaches it, so the stack's list is held to ACM's limits here.
    /// </summary>
    private static void AdviseOnCertificateNames(AwsProgram program, AppLanding app, string key, string owner)
    {
        if (app.Domains.Count > MostNamesPerCertificate)
        {
            program.Report(FindingSeverity.Warning, owner,
                $"has {app.Domains.Count} custom domains, but one ACM certificate holds at most {MostNamesPerCertificate} names: keep the {MostNamesPerCertificate} that matter in {key} " +
                "(a wildcard covers a whole level), or add the rest to the HTTPS listener as further certificates by hand.");
        }
        else if (app.Domains.Count > NamesPerCertificate)
        {
            program.Report(FindingSeverity.Warning, owner,
                $"has {app.Domains.Count} custom domains on one certificate, but ACM allows {NamesPerCertificate} names per certificate unless the account's quota was raised: " +
                $"request \"Domain names per ACM certificate\" of at least {app.Domains.Count} in Service Quotas before pulumi up (up to {MostNamesPerCertificate}), or the certificate stack fails.");
        }

        if (app.Domains.Count > 0 && app.Domains[0].Length > CommonNameMax)
        {
            program.Report(FindingSeverity.Warning, owner,
                $"the first host in {key}, {app.Domains[0]}, becomes the certificate's common name, which may have at most {CommonNameMax} characters: put a shorter host first, or ACM refuses the certificate.");
        }
    }

    /// <summary>
    /// What the hosted zone's records mean for the cutover. The record set group creates an A record per
    /// host; Route 53 refuses one where the zone already has a record of that name (on a live Heroku app, the
    /// CNAME to herokudns.com), and CloudFormation then rolls the whole certificate stack back. A wildcard
    /// and its base name share one ACM validation record, and CloudFormation tries to create it twice
    /// (aws/aws-cdk#9248); the template cannot drop one, because the host list is stack config.
    /// </summary>
    private static void AdviseOnZoneRecords(AwsProgram program, AppLanding app, string key, string owner)
    {
        if (app.Domains.Count == 0)
            return;
        program.Report(FindingSeverity.Warning, owner,
            $"with the hosted zone, pulumi up points {string.Join(", ", app.Domains)} at the new load balancer (A alias records), which moves their traffic off Heroku when it runs: " +
            "delete each host's existing record in the zone first (the CNAME to Heroku's herokudns.com, or any record of that name), at the cutover, " +
            "or Route 53 refuses the new one and the certificate stack fails.");
        var paired = app.Domains.Where(h => h.StartsWith("*.", StringComparison.Ordinal) && app.Domains.Contains(h[2..], StringComparer.Ordinal)).ToList();
        if (paired.Count > 0)
        {
            program.Report(FindingSeverity.Warning, owner,
                $"{string.Join(", ", paired.Select(h => $"{h} and {h[2..]}"))} share one ACM validation record, which CloudFormation tries to create twice and fails: " +
                $"keep one of each pair in {key}, or generate without --hosted-zone-id and create the validation CNAME and the records by hand.");
        }
    }

    /// <summary>
    /// The CloudFormation template as a string joined around the host list: the template is written
    /// as JSON with one placeholder item in each per-host list, and each such list becomes the item's
    /// text joined over the hosts. Hosts are validated names, so they need no escaping in JSON.
    /// </summary>
    private static JoinValue Template(AppLanding app, Value domains, bool zoned)
    {
        var parameters = new JsonObject { ["Domains"] = new JsonObject { ["Type"] = "CommaDelimitedList" } };
        var properties = new JsonObject
        {
            ["DomainName"] = new JsonObject { ["Fn::Select"] = new JsonArray("0", Ref("Domains")) },
            ["SubjectAlternativeNames"] = Ref("Domains"),
            ["ValidationMethod"] = "DNS",
        };
        var resources = new JsonObject
        {
            ["Certificate"] = new JsonObject { ["Type"] = "AWS::CertificateManager::Certificate", ["Properties"] = properties },
        };
        JsonObject? validation = null;
        JsonObject? record = null;
        if (zoned)
        {
            foreach (var name in new[] { "HostedZoneId", "LoadBalancerDnsName", "LoadBalancerZoneId" })
                parameters[name] = new JsonObject { ["Type"] = "String" };
            validation = new JsonObject { ["DomainName"] = HostMarker, ["HostedZoneId"] = Ref("HostedZoneId") };
            record = new JsonObject
            {
                ["Name"] = HostMarker,
                ["Type"] = "A",
                ["AliasTarget"] = new JsonObject
                {
                    ["DNSName"] = Ref("LoadBalancerDnsName"),
                    ["HostedZoneId"] = Ref("LoadBalancerZoneId"),
                    ["EvaluateTargetHealth"] = true,
                },
            };
            properties["DomainValidationOptions"] = ValidationMarker;
            resources["Records"] = new JsonObject
            {
                ["Type"] = "AWS::Route53::RecordSetGroup",
                ["Properties"] = new JsonObject { ["HostedZoneId"] = Ref("HostedZoneId"), ["RecordSets"] = RecordsMarker },
            };
        }

        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"TLS certificate{(zoned ? " and DNS records" : "")} of {app.Name}, generated by heroku2cloud",
            ["Parameters"] = parameters,
            ["Resources"] = resources,
            ["Outputs"] = new JsonObject { ["CertificateArn"] = new JsonObject { ["Value"] = Ref("Certificate") } },
        };

        var parts = new List<Value>();
        var text = template.ToJsonString();
        foreach (var (marker, item) in new[] { (ValidationMarker, validation), (RecordsMarker, record) })
        {
            if (item is null)
                continue;
            var at = text.IndexOf($"\"{marker}\"", StringComparison.Ordinal);
            var itemText = item.ToJsonString().Split($"\"{HostMarker}\"");
            var (before, after) = (itemText[0] + "\"", "\"" + itemText[1]);
            parts.Add(text[..at] + "[" + before);
            parts.Add(new JoinValue(after + "," + before, domains));
            parts.Add(after + "]");
            text = text[(at + marker.Length + 2)..];
        }

        parts.Add(text);
        return new JoinValue("", Value.List(parts));
    }

    private const string HostMarker = "@host@";
    private const string ValidationMarker = "@validation-options@";
    private const string RecordsMarker = "@record-sets@";

    private static JsonObject Ref(string name) => new() { ["Ref"] = name };

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex HostPattern();
}
