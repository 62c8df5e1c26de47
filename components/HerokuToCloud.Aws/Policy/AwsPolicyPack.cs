using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Aws.Policy;

/// <summary>
/// The AWS rules of the security baseline (security-baseline.md, AWS table), one per control.
/// Every program the AWS components generate passes them; exceptions the plan asks for (an app
/// without a domain, a writable root filesystem, no access-log bucket) are waivers the components
/// record as tags on the resource, with the reason, which <c>heroku2cloud check</c> lists.
/// </summary>
public static class AwsPolicyPack
{
    public const string Name = "aws";

    /// <summary>Tag key prefix of a waiver: <c>heroku2cloud:waive:ELB.1</c> = the reason.</summary>
    public const string WaiverPrefix = "heroku2cloud:waive:";

    /// <summary>The pack for the policy engine: applies to programs using the aws package.</summary>
    public static PolicyPack Create() => new(Name, "aws", Rules, [new PropertyMapWaivers("tags", WaiverPrefix)]);

    public static IReadOnlyList<IPolicyRule> Rules { get; } =
    [
        new EcsAwsvpcNetworking(), new EcsPrivateTasks(), new EcsNoHostNamespaces(), new EcsNotPrivileged(), new EcsReadOnlyRoot(),
        new EcsSecretsNotInEnvironment(), new EcsLogging(), new EcsLatestPlatform(), new EcsContainerInsights(),
        new RdsNotPublic(), new RdsEncrypted(), new RdsMultiAz(), new RdsDeletionProtection(), new RdsLogExports(), new RdsBackups(),
        new RdsMinorUpgrades(), new RdsCopyTags(), new RdsCustomAdmin(), new RdsForceTls(),
        new ElbHttpRedirect(), new ElbDropInvalidHeaders(), new ElbAccessLogs(), new ElbDeletionProtection(), new ElbDesyncMitigation(),
        new ElbMultiAz(), new ElbTlsPolicy(), new ElbSecureListeners(),
        new CacheBackups(), new CacheMinorUpgrades(), new CacheFailover(), new CacheEncryptedAtRest(), new CacheEncryptedInTransit(),
        new CacheAuthentication(), new CacheSubnetGroup(),
        new EcrScanOnPush(), new EcrImmutableTags(), new EcrLifecyclePolicy(), new LogRetention(),
        new DefaultSecurityGroupClosed(), new VpcFlowLogs(), new RestrictedIngress(), new DatastoreIngress(), new TaskIngress(),
        new IamLeastPrivilege(), new IamTaskRoles(), new SecretsNeverPlain(),
    ];
}
