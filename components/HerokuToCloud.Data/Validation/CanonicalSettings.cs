using HerokuToCloud.Data.Catalog;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Session settings that make a value's text form exact and identical on both servers, whatever their
/// configuration: a timestamptz prints in UTC (so a value shifted by a time zone prints differently),
/// floats print their shortest exact form (the last digit counts), bytea prints every byte in hex,
/// dates, intervals and money print in fixed styles, and catalog functions qualify every name
/// (search_path is pg_catalog only) so definitions compare as text. Timeouts a Heroku role may carry are
/// lifted: a checksum pass over a large table must not be cancelled half-way. Policies never filter what
/// is compared (<see cref="RowSecurity"/>).
/// </summary>
internal static class CanonicalSettings
{
    public const string StartupOptions =
        "-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres -c extra_float_digits=3 -c bytea_output=hex " +
        "-c standard_conforming_strings=on -c lc_monetary=C -c search_path=pg_catalog " +
        "-c statement_timeout=0 -c lock_timeout=0 -c idle_in_transaction_session_timeout=0 " + RowSecurity.SessionOption;
}
