using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The Pod Security Standards "restricted" profile as it is applied to every pod template the
/// components write (Deployments, Jobs, CronJobs, the Valkey StatefulSet): non-root with a numeric
/// UID, no privilege escalation, every capability dropped, the runtime's default seccomp profile,
/// a read-only root filesystem with a writable /tmp unless the plan keeps the disk writable.
/// </summary>
internal static class PodSecurity
{
    /// <summary>
    /// Annotation on a workload whose root filesystem stays writable because the landing plan says so;
    /// the policy engine reports the read-only-root finding as waived, with this reason.
    /// </summary>
    public const string WritableRootWaiver = Policy.KubernetesPolicyPack.WaiverPrefix + "K8S.readOnlyRootFilesystem";

    public const string WritableRootReason = "the landing plan keeps a writable root filesystem for this process (Heroku apps assume a writable disk)";

    public const string TmpVolume = "tmp";

    public static MapValue Pod(Value runAsUser, Value? fsGroup = null)
    {
        var context = new MapValue
        {
            ["runAsNonRoot"] = true,
            ["runAsUser"] = runAsUser,
            ["runAsGroup"] = runAsUser,
        };
        if (fsGroup is not null)
            context["fsGroup"] = fsGroup;
        context["seccompProfile"] = new MapValue { ["type"] = "RuntimeDefault" };
        return context;
    }

    public static MapValue Container(bool readOnlyRootFilesystem) => new()
    {
        ["allowPrivilegeEscalation"] = false,
        ["capabilities"] = new MapValue { ["drop"] = Value.List("ALL") },
        ["readOnlyRootFilesystem"] = readOnlyRootFilesystem,
        ["runAsNonRoot"] = true,
    };

    /// <summary>A memory-backed-by-node-disk emptyDir for /tmp: Heroku apps write temp files even when the rest of the disk is read-only.</summary>
    public static MapValue TmpVolumeSource() => new()
    {
        ["name"] = TmpVolume,
        ["emptyDir"] = new MapValue(),
    };

    public static MapValue TmpMount() => new()
    {
        ["name"] = TmpVolume,
        ["mountPath"] = "/tmp",
    };

    /// <summary>
    /// Pod spec settings every app pod shares: no service account token (apps never call the
    /// Kubernetes API), no service-link environment variables (they would shadow config vars such as
    /// REDIS_PORT), and Heroku's 30-second SIGTERM grace period.
    /// </summary>
    public static void ApplyAppDefaults(MapValue podSpec)
    {
        podSpec["automountServiceAccountToken"] = false;
        podSpec["enableServiceLinks"] = false;
        podSpec["terminationGracePeriodSeconds"] = 30;
    }
}
