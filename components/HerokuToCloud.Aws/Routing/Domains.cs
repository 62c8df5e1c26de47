using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// Custom domains of a web app: an ACM certificate validated through DNS and, when the options name
/// a Route 53 hosted zone, the validation and alias records; otherwise the records to create by hand
/// become stack outputs. The names themselves are stack config (<c>{app}Domains</c>), so staging and
/// production use their own hosts with one program as long as they have the same number of them.
/// </summary>
internal static class Domains
{
    /// <summary>Adds the certificate; returns the ARN a listener may use (it resolves once the certificate is issued).</summary>
    public static Value Add(AwsProgram program, AppRuntime runtime, string prefix, Resource loadBalancer)
    {
        var app = runtime.App;
        var owner = runtime.Owner;
        var slots = program.DomainSlots(app);
        var key = ConfigKeys.Of(app.Name, "domains");
        var complete = app.Domains.Count == slots;
        var domains = program.Config(key, ConfigType.StringList, complete ? Value.List(app.Domains.Select(d => (Value)d)) : null,
            $"The {slots} custom domain(s) of {app.Name}, exactly that many in every stack; the first is the certificate's name.", owner);
        if (!complete)
        {
            program.Report(FindingSeverity.Warning, owner,
                $"every stack of {app.Name} needs {slots} custom domain(s), because another stage of the pipeline has that many on Heroku, but this stage has " +
                $"{(app.Domains.Count == 0 ? "none" : string.Join(", ", app.Domains))}; choose its host names and set them before pulumi up: " +
                $"pulumi config set --path '{key}[0]' <host>{(slots > 1 ? $" (up to [{slots - 1}])" : "")}.");
        }

        var certificate = new MapValue { ["domainName"] = new SelectValue(0, domains) };
        if (slots > 1)
            certificate["subjectAlternativeNames"] = Value.List(Enumerable.Range(1, slots - 1).Select(i => (Value)new SelectValue(i, domains)));
        certificate["validationMethod"] = "DNS";
        certificate["keyAlgorithm"] = "RSA_2048";
        var issued = program.Add($"{prefix}-certificate", AwsTypes.Certificate, certificate, owner, app: app.Name);

        if (program.Options.HostedZoneId is not null)
        {
            var zone = program.HostedZoneId;
            var fqdns = new List<Value>();
            for (var i = 0; i < slots; i++)
            {
                var option = $"domainValidationOptions[{i}]";
                var record = program.Add($"{prefix}-certificate-validation-{i + 1}", AwsTypes.DnsRecord, new MapValue
                {
                    ["zoneId"] = zone,
                    ["name"] = issued.Ref($"{option}.resourceRecordName"),
                    ["type"] = issued.Ref($"{option}.resourceRecordType"),
                    ["records"] = Value.List(issued.Ref($"{option}.resourceRecordValue")),
                    ["ttl"] = 60,
                    // A wildcard and its apex share one validation record.
                    ["allowOverwrite"] = true,
                }, owner);
                fqdns.Add(record.Ref("fqdn"));
                program.Add($"{prefix}-domain-{i + 1}", AwsTypes.DnsRecord, new MapValue
                {
                    ["zoneId"] = zone,
                    ["name"] = new SelectValue(i, domains),
                    ["type"] = "A",
                    ["aliases"] = Value.List(new MapValue
                    {
                        ["name"] = loadBalancer.Ref("dnsName"),
                        ["zoneId"] = loadBalancer.Ref("zoneId"),
                        ["evaluateTargetHealth"] = true,
                    }),
                }, owner);
            }

            var validated = program.Add($"{prefix}-certificate-validation", AwsTypes.CertificateValidation, new MapValue
            {
                ["certificateArn"] = issued.Ref("arn"),
                ["validationRecordFqdns"] = Value.List(fqdns),
            }, owner);
            return validated.Ref("certificateArn");
        }

        var waiting = program.Add($"{prefix}-certificate-validation", AwsTypes.CertificateValidation, new MapValue
        {
            ["certificateArn"] = issued.Ref("arn"),
        }, owner, new ResourceOptions { CustomTimeouts = new CustomTimeouts(Create: "2h") });
        program.AddOutput(ConfigKeys.Of(app.Name, "certificateValidationRecords"), issued.Ref("domainValidationOptions"), owner);
        program.AddOutput(ConfigKeys.Of(app.Name, "dnsTarget"), loadBalancer.Ref("dnsName"), owner);
        program.Report(FindingSeverity.Warning, owner,
            $"No Route 53 hosted zone was given: create the certificate's validation CNAMEs (aws acm describe-certificate, or the ACM console) and point " +
            $"the app's domains ({key}) at the load balancer (output {ConfigKeys.Of(app.Name, "dnsTarget")}); pulumi up waits up to 2 hours for the certificate.");
        return waiting.Ref("certificateArn");
    }
}
