using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A datastore that runs outside the cluster (RDS, ElastiCache, a managed service): the program
/// creates nothing for it and its connection URL is secret stack config, rebuilt into the apps'
/// DATABASE_URL / REDIS_URL / REDIS_TLS_URL. The apps may reach its port anywhere (its address is not
/// known to the program), which the network policy allows for the apps that use it.
/// </summary>
internal static class ExternalDatastore
{
    public static DatastoreEndpoint Build(LandingContext context, Datastore datastore)
    {
        KubernetesNames.Require(datastore.Name, "Datastore name");
        var (port, example) = datastore is RedisDatastore ? (6379, "rediss://:TOKEN@HOST:6379") : (5432, "postgres://USER:PASSWORD@HOST:5432/DB?sslmode=require");
        var url = context.SecretSetting(ConfigKeys.Of(datastore.Name, "url"),
            $"Connection URL of {datastore.Name}, which runs outside the cluster ({example}).");
        context.Note(datastore.Name, $"runs outside the cluster; set its URL with: pulumi config set --secret {ConfigKeys.Of(datastore.Name, "url")} '{example}' --stack {context.Plan.Stack}.",
            new ConfigRequest("runs outside the cluster; give it its URL", [ConfigKeys.Of(datastore.Name, "url")], Example: example));
        return new DatastoreEndpoint(datastore.Name, url, url, port, null);
    }
}
