namespace HerokuToCloud.Data.Catalog;

/// <summary>A sequence and the position the source has it at.</summary>
public sealed record SequenceInfo(string Schema, string Name, long LastValue, bool IsCalled)
{
    public string QualifiedName => Identifier.Qualify(Schema, Name);
}
