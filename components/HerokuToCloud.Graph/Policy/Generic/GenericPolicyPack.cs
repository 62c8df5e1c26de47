namespace HerokuToCloud.Graph.Policy.Generic;

/// <summary>The provider-neutral rules, applied to every program.</summary>
public static class GenericPolicyPack
{
    public static PolicyPack Create() =>
        new("generic", package: null, [new PlaintextSecretRule(), new SecretConfigRule(), new PinnedProvidersRule()]);
}
