namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Compares two catalogs object by object. An object missing on one side is one difference (its columns,
/// indexes and constraints are reported on their own, which is what a user fixing the target needs);
/// an object on both sides yields one difference per attribute that differs. Attributes marked as notes
/// (an extension version) only produce notes. The result is ordered by kind and name.
/// </summary>
internal static class SchemaComparer
{
    public static (IReadOnlyList<SchemaDifference> Differences, IReadOnlyList<string> Notes) Compare(IReadOnlyList<SchemaObject> source, IReadOnlyList<SchemaObject> target)
    {
        var sourceById = source.ToDictionary(o => o.Identity, StringComparer.Ordinal);
        var targetById = target.ToDictionary(o => o.Identity, StringComparer.Ordinal);
        var differences = new List<SchemaDifference>();
        var notes = new List<string>();

        foreach (var identity in sourceById.Keys.Union(targetById.Keys).Order(StringComparer.Ordinal))
        {
            sourceById.TryGetValue(identity, out var s);
            targetById.TryGetValue(identity, out var t);
            if (t is null)
            {
                differences.Add(new SchemaDifference(s!.Kind, s.Name, SchemaDifferenceKind.MissingOnTarget));
                continue;
            }

            if (s is null)
            {
                differences.Add(new SchemaDifference(t.Kind, t.Name, SchemaDifferenceKind.ExtraOnTarget));
                continue;
            }

            foreach (var attribute in s.Attributes.Keys.Union(t.Attributes.Keys).Order(StringComparer.Ordinal))
            {
                var sv = s.Attributes.GetValueOrDefault(attribute);
                var tv = t.Attributes.GetValueOrDefault(attribute);
                if (!string.Equals(sv, tv, StringComparison.Ordinal))
                    differences.Add(new SchemaDifference(s.Kind, s.Name, SchemaDifferenceKind.Differs, attribute, sv, tv));
            }

            foreach (var attribute in s.Notes.Keys.Union(t.Notes.Keys).Order(StringComparer.Ordinal))
            {
                var sv = s.Notes.GetValueOrDefault(attribute);
                var tv = t.Notes.GetValueOrDefault(attribute);
                if (!string.Equals(sv, tv, StringComparison.Ordinal))
                    notes.Add($"{s.Kind} {s.Name}: {attribute} is {sv ?? "none"} on the source and {tv ?? "none"} on the target.");
            }
        }

        return (differences, notes);
    }
}
