using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

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

    public const string WritableRootReason = "the process writes outside /tmp as it did on Heroku - named by --writable-root or the landing plan: its root filesystem stays writable";

    public const string TmpVolume = "tmp";

    /// <summary>Heroku's shutdown window: SIGTERM, then SIGKILL 30 seconds later.</summary>
    public const int ShutdownSeconds = 30;

    /// <summary>
    /// Whether a container of the app keeps a writable root filesystem: the plan says so for a service,
    /// or --writable-root names it. Each such container is a warning, so the opt-out is never silent.
    /// </summary>
    public static bool KeepsWritableRoot(LandingContext context, AppLanding app, string process, bool planned)
    {
        if (!planned && !context.WritableRoots.Allows(app.Name, process))
            return false;
        context.Warn($"{app.Name}/{process}",
            "runs with a writable root filesystem because --writable-root (or the plan) says it writes outside /tmp (K8S.readOnlyRootFilesystem waived); move its writes to /tmp to drop the waiver.");
        return true;
    }

    /// <summary>The waiver annotation of a workload whose container keeps a writable root; null for the rest.</summary>
    public static MapValue? Waivers(bool writableRoot) =>
        writableRoot ? new MapValue { [WritableRootWaiver] = WritableRootReason } : null;

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
        podSpec["terminationGracePeriodSeconds"] = ShutdownSeconds;
    }
}
