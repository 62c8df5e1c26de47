using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>Findings that ask for stack config, worded for a team that applies the plain manifests instead of running pulumi.</summary>
public class ManifestInstructionsTests
{
    private static (KubernetesProgram Program, ManifestFiles Manifests) External()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop(), new KubernetesLandingOptions { Postgres = PostgresMode.External });
        return (program, KubernetesManifests.Prepare(program.Graph, program.Stack, program.Required));
    }

    private static PlanFinding Finding(KubernetesProgram program, string subject, string containing) =>
        Assert.Single(program.Findings, f => f.Subject == subject && f.Message.Contains(containing, StringComparison.Ordinal));

    [Fact]
    public void A_hostname_to_pick_names_the_files_that_hold_it_instead_of_pulumi_config()
    {
        var (program, manifests) = External();
        var finding = Finding(program, "shop-admin/web", "no custom domain");
        Assert.Contains("pulumi config set --path 'shopAdminDomains[0]' HOST", finding.Message, StringComparison.Ordinal);

        var message = ManifestInstructions.Message(finding, manifests);

        Assert.DoesNotContain("pulumi", message, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(
            "pick another hostname: edit it in 07-deployment-shop-admin-web.yaml, 08-ingress-shop-admin-web.yaml (or generate again with --set shopAdminDomains=HOST).",
            message, StringComparison.Ordinal);
        Assert.All(manifests.ConfigFiles["shopAdminDomains"], f => Assert.Contains("shop-admin", manifests.Files[f], StringComparison.Ordinal));
    }

    [Fact]
    public void A_secret_becomes_the_variable_create_secrets_reads_with_how_to_get_its_value()
    {
        var (program, manifests) = External();

        var url = ManifestInstructions.Message(Finding(program, "shop-db", "outside the cluster"), manifests);
        var source = ManifestInstructions.Message(Finding(program, "shop-db", "copied from Heroku"), manifests);

        Assert.Equal("runs outside the cluster; give it its URL: export SHOP_DB_URL='postgres://USER:PASSWORD@HOST:5432/DB?sslmode=require' before running create-secrets.sh.", url);
        Assert.Contains("give it the source: export SHOP_DB_SOURCE_URL=\"$(heroku config:get DATABASE_URL -a ", source, StringComparison.Ordinal);
        Assert.EndsWith(")\" before running create-secrets.sh.", source, StringComparison.Ordinal);
        Assert.Contains("SHOP_DB_URL", manifests.Files[KubernetesManifests.SecretsScript], StringComparison.Ordinal);
        Assert.Contains("SHOP_DB_SOURCE_URL", manifests.Files[KubernetesManifests.SecretsScript], StringComparison.Ordinal);
        Assert.Contains(manifests.Variables, v => v.Name == "SHOP_DB_URL");
    }

    [Fact]
    public void A_finding_without_a_config_request_reads_the_same_in_both_outputs()
    {
        var (_, manifests) = External();
        var finding = new PlanFinding(FindingSeverity.Warning, "shop-db", "CloudNativePG keeps no backups until you configure them.");

        Assert.Equal(finding.Message, ManifestInstructions.Message(finding, manifests));
    }

    [Fact]
    public void Secret_findings_of_the_plan_carry_their_keys_for_other_outputs()
    {
        var (_, manifests) = External();
        var finding = new PlanFinding(FindingSeverity.Info, "apps[shop-web]", "set 2 secret config values … `pulumi config set --secret <key>` …")
        {
            Config = new ConfigRequest("2 config vars are secrets to supply in every environment", ["shopWebStripeApiKey", "shopWebRailsEnv"]),
        };

        Assert.Equal(
            "2 config vars are secrets to supply in every environment: export SHOP_WEB_STRIPE_API_KEY, SHOP_WEB_RAILS_ENV before running create-secrets.sh (README.md says what each holds).",
            ManifestInstructions.Message(finding, manifests));
    }
}
