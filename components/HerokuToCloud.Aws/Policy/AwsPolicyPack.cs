namespace HerokuToCloud.Aws.Policy;

/// <summary>
/// The AWS rules of the security baseline (security-baseline.md, AWS table), one per control.
/// Every program the AWS components generate passes them; opt-outs the plan asked for (an app
/// without a domain, a writable root filesystem, a stack without access logs) are listed, not failed.
/// </summary>
public static class AwsPolicyPack
{
    public const string Name = "aws";

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

    /// <summary>Runs every rule; findings in rule order, then resource order.</summary>
    public static IReadOnlyList<PolicyFinding> Evaluate(PolicyInput input) => [.. Rules.SelectMany(r => r.Evaluate(input))];
}
