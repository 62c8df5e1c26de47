namespace HerokuToCloud.Graph.Policy;

/// <summary>
/// How a resource of one provider records an explicit, reasoned opt-out from a rule. Rule packs supply
/// the convention that fits their resources (AWS tags, Kubernetes annotations); the engine asks every
/// convention of the packs that apply to a program, so a generic rule can be waived on any resource.
/// </summary>
public interface IWaiverConvention
{
    /// <summary>The waivers recorded on a resource (rule id and reason); a blank reason is still returned so the engine can reject it.</summary>
    IEnumerable<WaiverEntry> Read(Resource resource);
}
