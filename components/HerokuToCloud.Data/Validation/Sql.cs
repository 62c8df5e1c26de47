using System.Globalization;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Numbers in the SQL the validator builds are written invariantly, whatever the process culture
/// (identifiers and literals go through <see cref="Catalog.Identifier"/>).
/// </summary>
internal static class Sql
{
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
