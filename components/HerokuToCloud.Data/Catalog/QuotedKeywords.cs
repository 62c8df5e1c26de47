using System.Collections.Frozen;

namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// The key words PostgreSQL's quote_ident quotes: every key word whose category is not
/// UNRESERVED_KEYWORD in the parser's kwlist.h (reserved, type/function-name and column-name key words),
/// so a table named <c>user</c> or <c>order</c> reads <c>"user"</c>, as SQL needs it. This is PostgreSQL
/// 15's list (pg_get_keywords() where catcode is not 'U') with the words PostgreSQL 16 and 17 added
/// (system_user and the SQL/JSON functions). One list for every server version, not each server's own
/// quote_ident: a name is matched between source and target by its displayed text, and two servers of
/// different versions would quote a word differently.
/// </summary>
internal static class QuotedKeywords
{
    public static readonly FrozenSet<string> All = new[]
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "bigint",
        "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation",
        "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
        "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze",
        "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int",
        "integer", "intersect", "interval", "into", "is", "isnull", "join", "json_array", "json_arrayagg", "json_exists",
        "json_object", "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "lateral",
        "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none",
        "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
        "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row",
        "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user", "table",
        "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
        "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement",
        "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
    }.ToFrozenSet(StringComparer.Ordinal);
}
