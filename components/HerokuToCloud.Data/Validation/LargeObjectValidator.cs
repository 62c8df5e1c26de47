using Npgsql;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Large objects: both sides list (OID, md5 of the content) in OID order — pg_dump keeps OIDs — and the two
/// ordered streams are merged, so memory stays flat however many there are. lo_get checks the large
/// object's own privileges, so this works for the owner without superuser rights (as on Heroku).
/// </summary>
internal static class LargeObjectValidator
{
    private const string Listing = "SELECT m.oid, md5(lo_get(m.oid)) FROM pg_catalog.pg_largeobject_metadata m ORDER BY m.oid";

    public static async Task<LargeObjectValidation?> ValidateAsync(SnapshotSessions source, SnapshotSessions target, long sourceCount, long targetCount, int cap, CancellationToken cancellationToken)
    {
        if (sourceCount == 0 && targetCount == 0)
            return null;

        try
        {
            await using var sourceCommand = new NpgsqlCommand(Listing, source.Coordinator);
            await using var targetCommand = new NpgsqlCommand(Listing, target.Coordinator);
            await using var s = await sourceCommand.ExecuteReaderAsync(cancellationToken);
            await using var t = await targetCommand.ExecuteReaderAsync(cancellationToken);
            long missing = 0, extra = 0, changed = 0;
            var listed = new List<LargeObjectDifference>();
            void Add(uint oid, RowDifferenceKind kind)
            {
                if (listed.Count < cap)
                    listed.Add(new LargeObjectDifference(oid, kind));
            }

            var hasS = await s.ReadAsync(cancellationToken);
            var hasT = await t.ReadAsync(cancellationToken);
            while (hasS || hasT)
            {
                var so = hasS ? s.GetFieldValue<uint>(0) : uint.MaxValue;
                var to = hasT ? t.GetFieldValue<uint>(0) : uint.MaxValue;
                if (hasS && (!hasT || so < to))
                {
                    missing++;
                    Add(so, RowDifferenceKind.Missing);
                    hasS = await s.ReadAsync(cancellationToken);
                }
                else if (hasT && (!hasS || to < so))
                {
                    extra++;
                    Add(to, RowDifferenceKind.Extra);
                    hasT = await t.ReadAsync(cancellationToken);
                }
                else
                {
                    if (!string.Equals(s.GetString(1), t.GetString(1), StringComparison.Ordinal))
                    {
                        changed++;
                        Add(so, RowDifferenceKind.Changed);
                    }

                    hasS = await s.ReadAsync(cancellationToken);
                    hasT = await t.ReadAsync(cancellationToken);
                }
            }

            listed.Sort((a, b) => a.Oid.CompareTo(b.Oid));
            return new LargeObjectValidation(sourceCount, targetCount, missing, extra, changed) { Listed = listed };
        }
        catch (PostgresException ex)
        {
            throw new DataMigrationException($"reading large objects failed: {ex.MessageText} (SQLSTATE {ex.SqlState}). The validating user must own the large objects or be allowed to read them.", ex);
        }
    }
}
