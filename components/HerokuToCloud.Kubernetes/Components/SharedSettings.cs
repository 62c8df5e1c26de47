using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>Stack config that several components read: where the cluster's add-ons run and which storage they provision.</summary>
internal static class SharedSettings
{
    public static ConfigValue StorageClass(LandingContext context) =>
        context.Setting("storageClass", ConfigType.String, "standard",
            "StorageClass for database and cache volumes (kubectl get storageclass; gp3 on EKS, standard-rwo on GKE).");

    public static ConfigValue IngressNamespace(LandingContext context) =>
        context.Setting("ingressControllerNamespace", ConfigType.String, "ingress-nginx",
            "Namespace of the ingress controller; only its pods may reach the web pods.");

    public static ConfigValue CloudNativePgNamespace(LandingContext context) =>
        context.Setting("cloudNativePgNamespace", ConfigType.String, "cnpg-system",
            "Namespace of the CloudNativePG operator; it must reach the database pods on ports 8000 and 5432.");
}
