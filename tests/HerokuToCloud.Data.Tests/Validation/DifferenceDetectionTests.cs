using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Data.Tests.Validation;

/// <summary>
/// Each test injects one difference into an otherwise identical target and asserts that the report names
/// the table and the row's key (or, without a key, the row and its ctid) and nothing else.
/// </summary>
public class DifferenceDetectionTests(ValidationFixture fixture) : IClassFixture<ValidationFixture>
{
    private static readonly ValidationOptions Options = new() { Jobs = 2, LeafRows = 64 };

    [Fact]
    public async Task An_exact_copy_is_identical()
    {
        var progress = new RecordingProgress();
        var report = await ValidateAsync(await fixture.TargetAsync(), progress);

        Assert.True(report.Identical, Describe(report));
        Assert.Empty(report.SchemaDifferences);
        Assert.Empty(report.SequenceDifferences);
        var accounts = Table(report, "public.accounts");
        Assert.Equal(TableStatus.Identical, accounts.Status);
        Assert.Equal(5000, accounts.SourceRows);
        Assert.Equal(5000, accounts.TargetRows);
        Assert.Equal(["id"], accounts.KeyColumns);
        Assert.Equal(1000, Table(report, "public.measurements_2024_01").SourceRows + Table(report, "public.measurements_2024_02").SourceRows);
        Assert.DoesNotContain(report.Tables, t => t.Table == "public.measurements");
        Assert.Equal(2000, Table(report, "public.events_log").SourceRows);
        Assert.Empty(Table(report, "public.events_log").KeyColumns);
        Assert.Equal(1, report.LargeObjects?.SourceCount);
        Assert.Equal(4, report.SequencesChecked);
        Assert.Contains("finish public.accounts 5000", progress.Events);
        Assert.StartsWith("identical:", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_in_the_middle_of_a_migration_is_refused_not_compared()
    {
        var target = await fixture.TargetAsync("DELETE FROM public.accounts WHERE id > 100");
        await using (var connection = new Npgsql.NpgsqlConnection(target.ToNpgsql().ConnectionString))
        {
            await connection.OpenAsync();
            await State.MigrationState.CreateAsync(connection, "live", "the source", CancellationToken.None);
        }

        var refused = await Assert.ThrowsAsync<DataMigrationException>(() => ValidateAsync(target));

        Assert.Contains("unfinished heroku2cloud migration", refused.Message);
        Assert.Contains("Rerun the data migrate command", refused.Message);
    }

    [Fact]
    public async Task A_copy_made_by_pg_dump_and_pg_restore_is_identical()
    {
        var report = await ValidateAsync(await fixture.RestoredTargetAsync());

        Assert.True(report.Identical, Describe(report));
    }

    [Fact]
    public async Task One_changed_value_names_the_table_the_key_and_the_column()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE public.accounts SET name = 'someone else' WHERE id = 1234"));

        var row = OnlyRow(report, "public.accounts", RowDifferenceKind.Changed);
        Assert.Equal("id=1234", row.DisplayKey);
        Assert.Contains(row.Columns, c => c.Column == "name" && c.Source == "name 1234" && c.Target == "someone else");
        Assert.Contains(row.Columns, c => c.Column == "name_length");
        Assert.False(report.Identical);
    }

    [Fact]
    public async Task A_missing_row_is_named_by_key()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("DELETE FROM public.accounts WHERE id = 77"));

        var table = Table(report, "public.accounts");
        Assert.Equal(4999, table.TargetRows);
        Assert.Equal(1, table.MissingRows);
        Assert.Equal("id=77", OnlyRow(report, "public.accounts", RowDifferenceKind.Missing).DisplayKey);
    }

    [Fact]
    public async Task An_extra_row_is_named_by_key()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("INSERT INTO sales.orders VALUES (5001, 3, '2024-05-01 00:00+00')"));

        Assert.Equal("id=5001", OnlyRow(report, "sales.orders", RowDifferenceKind.Extra).DisplayKey);
        Assert.Equal(1001, Table(report, "sales.orders").TargetRows);
    }

    [Fact]
    public async Task Null_and_empty_string_differ()
    {
        // id 10 has a NULL note and id 11 an empty one on the source.
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE public.accounts SET note = '' WHERE id = 10; UPDATE public.accounts SET note = NULL WHERE id = 11"));

        var table = Table(report, "public.accounts");
        Assert.Equal(2, table.ChangedRows);
        Assert.Collection(
            table.Rows,
            r =>
            {
                Assert.Equal("id=10", r.DisplayKey);
                Assert.Equal(new ColumnDifference("note", null, ""), Assert.Single(r.Columns));
            },
            r =>
            {
                Assert.Equal("id=11", r.DisplayKey);
                Assert.Equal(new ColumnDifference("note", "", null), Assert.Single(r.Columns));
            });
    }

    [Fact]
    public async Task A_timestamp_shifted_by_a_time_zone_differs()
    {
        // The wall-clock time read as Berlin time instead of UTC: the classic time-zone bug of a copy.
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE public.accounts SET created = (created AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin' WHERE id = 5"));

        var row = OnlyRow(report, "public.accounts", RowDifferenceKind.Changed);
        Assert.Equal("id=5", row.DisplayKey);
        var created = Assert.Single(row.Columns);
        Assert.Equal("created", created.Column);
        Assert.Equal("2024-01-01 01:25:00+00", created.Source);
        Assert.Equal("2024-01-01 00:25:00+00", created.Target);
    }

    [Fact]
    public async Task A_float_differing_in_its_last_digit_differs()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE public.accounts SET ratio = 0.3 WHERE id = 20"));

        var row = OnlyRow(report, "public.accounts", RowDifferenceKind.Changed);
        Assert.Equal("id=20", row.DisplayKey);
        Assert.Equal(new ColumnDifference("ratio", "0.30000000000000004", "0.3"), Assert.Single(row.Columns));
    }

    [Fact]
    public async Task One_changed_bytea_byte_differs()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE public.accounts SET blob = set_byte(blob, 100, (get_byte(blob, 100) + 1) % 256) WHERE id = 30"));

        var row = OnlyRow(report, "public.accounts", RowDifferenceKind.Changed);
        Assert.Equal("id=30", row.DisplayKey);
        Assert.Equal("blob", Assert.Single(row.Columns).Column);
    }

    [Theory]
    [InlineData("UPDATE public.subtle SET n = 1.00 WHERE id = 1", "id=1", "n")]
    [InlineData("UPDATE public.subtle SET n = -5 WHERE id = 2", "id=2", "n")]
    [InlineData("UPDATE public.subtle SET n = 'Infinity' WHERE id = 3", "id=3", "n")]
    [InlineData("UPDATE public.subtle SET big = 4294967297 WHERE id = 1", "id=1", "big")]
    [InlineData("UPDATE public.subtle SET big = -4294967298 WHERE id = 3", "id=3", "big")]
    [InlineData("""UPDATE public.subtle SET j = '{"a": 1.00}' WHERE id = 1""", "id=1", "j")]
    [InlineData("UPDATE public.subtle SET f = '-0' WHERE id = 1", "id=1", "f")]
    [InlineData("UPDATE public.subtle SET day = '-infinity' WHERE id = 2", "id=2", "day")]
    [InlineData("UPDATE public.subtle SET at = '2024-02-29 23:59:59.999998' WHERE id = 1", "id=1", "at")]
    [InlineData("UPDATE public.subtle SET at = NULL WHERE id = 3", "id=3", "at")]
    [InlineData("UPDATE public.subtle SET f = NULL WHERE id = 1", "id=1", "f")]
    [InlineData("UPDATE public.subtle SET day = NULL WHERE id = 3", "id=3", "day")]
    [InlineData("UPDATE public.subtle SET r = '-0' WHERE id = 1", "id=1", "r")]
    [InlineData("UPDATE public.subtle SET r = 0.10000001 WHERE id = 2", "id=2", "r")]
    [InlineData("UPDATE public.subtle SET at = '2019-12-31 22:48:25.032705' WHERE id = 4", "id=4", "at")]
    [InlineData("UPDATE public.subtle SET tz = '2019-12-31 22:48:25.032705+00' WHERE id = 4", "id=4", "tz")]
    [InlineData("UPDATE public.subtle SET at = '2000-01-01 00:35:47.483647' WHERE id = 2", "id=2", "at")]
    [InlineData("UPDATE public.subtle SET tz = '2000-01-01 00:35:47.483648+00' WHERE id = 2", "id=2", "tz")]
    [InlineData("UPDATE public.subtle SET day = '5874897-12-31' WHERE id = 2", "id=2", "day")]
    [InlineData("UPDATE public.subtle SET b = NULL WHERE id = 1", "id=1", "b")]
    [InlineData("UPDATE public.subtle SET b = '\\x' WHERE id = 2", "id=2", "b")]
    [InlineData("UPDATE public.subtle SET b = '\\x' WHERE id = 3", "id=3", "b")]
    [InlineData("UPDATE public.subtle SET b = '\\x00' WHERE id = 4", "id=4", "b")]
    public async Task Values_equal_by_their_types_own_equality_still_differ(string change, string key, string column)
    {
        // Each of these compares equal (or hashes equal) with PostgreSQL's own operators or hash functions,
        // but reads differently: numeric scale and sign, NaN and Infinity, bigint halves, jsonb numbers, -0;
        // and NULL against the value a binary hash stands in for it (0, 2000-01-01, an empty bytea), a bytea
        // against one with a zero byte more or less; and timestamps whose
        // 64-bit hash folds to the same 32 bits (71 minutes apart, or ±infinity against a finite value).
        var report = await ValidateAsync(await fixture.TargetAsync(change));

        var row = OnlyRow(report, "public.subtle", RowDifferenceKind.Changed);
        Assert.Equal(key, row.DisplayKey);
        Assert.Equal(column, Assert.Single(row.Columns).Column);
    }

    [Fact]
    public async Task Zero_floats_do_not_drop_out_of_the_row_hash()
    {
        // PostgreSQL's float hashes return the seed for zero: without a further step (0, 5) and (5, 0) chain alike.
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE public.subtle SET f = 5, r = 0 WHERE id = 4"));

        var row = OnlyRow(report, "public.subtle", RowDifferenceKind.Changed);
        Assert.Equal("id=4", row.DisplayKey);
        Assert.Equal(["f", "r"], row.Columns.Select(c => c.Column).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_sequence_behind_its_columns_maximum_is_reported()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("SELECT setval('public.accounts_id_seq', 5)"));

        Assert.Contains(report.SequenceDifferences, d =>
            d.Sequence == "public.accounts_id_seq" && d.Difference == SequenceDifferenceKind.BehindColumnMaximum &&
            d.Column == "public.accounts.id" && d.ColumnExtreme == "5000" && d.TargetNextValue == "6");
        Assert.Contains(report.SequenceDifferences, d =>
            d.Sequence == "public.accounts_id_seq" && d.Difference == SequenceDifferenceKind.ValueDiffers &&
            d.SourceNextValue == "5001" && d.TargetNextValue == "6");
        Assert.All(report.Tables, t => Assert.NotEqual(TableStatus.Different, t.Status));
        Assert.False(report.Identical);
    }

    [Fact]
    public async Task A_sequence_behind_its_column_on_the_source_as_well_is_a_note_not_a_difference()
    {
        // The copy is faithful (and migrate exited 1 for it); the collision ahead is still worth saying.
        var report = await ValidateAsync(await fixture.TargetAsync());

        Assert.True(report.Identical, Describe(report));
        Assert.Contains(report.Notes, n => n.StartsWith("sequence public.tickets_id_seq is behind its column's maximum on the source as well (public.tickets.id holds 3, next value 1 on the target)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_identity_sequence_behind_its_column_is_reported()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("ALTER TABLE public.audit ALTER COLUMN id RESTART WITH 1"));

        Assert.Contains(report.SequenceDifferences, d => d.Sequence == "public.audit_id_seq" && d.Difference == SequenceDifferenceKind.BehindColumnMaximum && d.Column == "public.audit.id");
    }

    [Fact]
    public async Task A_table_without_a_primary_key_reports_rows_by_content_and_ctid()
    {
        // events_log has no key and many duplicate rows: remove one copy of a duplicate, change another row.
        var report = await ValidateAsync(await fixture.TargetAsync("""
            DELETE FROM public.events_log WHERE ctid = (SELECT min(ctid) FROM public.events_log WHERE kind = 'kind1' AND at = '2024-03-01 00:01:00+00');
            UPDATE public.events_log SET detail = 'changed' WHERE ctid = (SELECT min(ctid) FROM public.events_log WHERE kind = 'kind2' AND at = '2024-03-01 00:02:00+00');
            """));

        var table = Table(report, "public.events_log");
        Assert.Equal(TableStatus.Different, table.Status);
        Assert.Empty(table.KeyColumns);
        Assert.Equal(2, table.MissingRows);
        Assert.Equal(1, table.ExtraRows);
        var missing = table.Rows.Where(r => r.Kind == RowDifferenceKind.Missing).ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, r => Assert.NotNull(r.SourceCtid));
        Assert.Contains(missing, r => r.Row!.StartsWith("(kind1,\"2024-03-01 00:01:00+00\",\"detail 1\")", StringComparison.Ordinal));
        Assert.Contains(missing, r => r.Row!.StartsWith("(kind2,\"2024-03-01 00:02:00+00\",\"detail 2\")", StringComparison.Ordinal));
        var extra = Assert.Single(table.Rows, r => r.Kind == RowDifferenceKind.Extra);
        Assert.Equal("(kind2,\"2024-03-01 00:02:00+00\",changed)", extra.Row);
        Assert.NotNull(extra.TargetCtid);
        Assert.StartsWith("target ctid (", extra.DisplayKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_identical_rows_missing_from_a_table_without_a_key_are_counted()
    {
        // About 85 identical rows per (kind, at, detail): deleting 25 copies of one leaves a chunk that can
        // never be split (all its rows have one hash), so it is compared grouped by hash.
        var report = await ValidateAsync(
            await fixture.TargetAsync("DELETE FROM public.events_log WHERE ctid IN (SELECT ctid FROM public.events_log WHERE kind = 'kind3' AND at = '2024-03-01 00:03:00+00' AND detail IS NOT NULL LIMIT 25)"),
            options: Options with { LeafRows = 4 });

        var table = Table(report, "public.events_log");
        Assert.Equal(25, table.MissingRows);
        Assert.Equal(0, table.ExtraRows);
        Assert.True(table.TotalsExact);
        Assert.All(table.Rows, r => Assert.StartsWith("(kind3,\"2024-03-01 00:03:00+00\",\"detail 3\")", r.Row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_composite_key_is_named_column_by_column()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE sales.line_items SET qty = qty + 1 WHERE order_id = 3 AND line_no = 2"));

        var row = OnlyRow(report, "sales.line_items", RowDifferenceKind.Changed);
        Assert.Equal([new KeyValue("order_id", "3"), new KeyValue("line_no", "2")], row.Key);
        Assert.Equal("qty", Assert.Single(row.Columns).Column);
        Assert.Equal(["order_id", "line_no"], Table(report, "sales.line_items").KeyColumns);
    }

    [Fact]
    public async Task Quoted_identifiers_survive()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("""UPDATE "Mixed Case"."Order Items" SET "select" = 'other' WHERE "Order ID" = 7; DELETE FROM "Mixed Case"."Order Items" WHERE "Order ID" = 8"""));

        var table = Table(report, "\"Mixed Case\".\"Order Items\"");
        Assert.Equal(1, table.ChangedRows);
        Assert.Equal(1, table.MissingRows);
        Assert.Equal("Order ID=7", table.Rows[0].DisplayKey);
        Assert.Equal("select", Assert.Single(table.Rows[0].Columns).Column);
        Assert.Equal("Order ID=8", table.Rows[1].DisplayKey);
        Assert.Equal(RowDifferenceKind.Missing, table.Rows[1].Kind);
    }

    [Fact]
    public async Task A_changed_row_in_a_partition_names_the_partition()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE public.measurements SET value = 0 WHERE id = 40"));

        var row = OnlyRow(report, "public.measurements_2024_02", RowDifferenceKind.Changed);
        Assert.Equal("id=40, at=2024-02-10", row.DisplayKey);
    }

    [Fact]
    public async Task Schema_differences_are_reported_by_object()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("""
            ALTER TABLE public.accounts ALTER COLUMN balance TYPE numeric(14,2);
            ALTER TABLE public.accounts ALTER COLUMN note SET DEFAULT 'none';
            ALTER TABLE public.accounts DROP CONSTRAINT balance_range;
            DROP INDEX public.accounts_created_idx;
            CREATE INDEX audit_what_idx ON public.audit (what);
            ALTER TABLE sales.orders ADD COLUMN coupon text;
            ALTER TYPE public.mood ADD VALUE 'ecstatic';
            ALTER SEQUENCE public.invoice_numbers INCREMENT BY 5;
            ALTER TABLE public.accounts DISABLE TRIGGER accounts_touch;
            DROP TABLE "Mixed Case"."Order Items";
            """));

        var differences = report.SchemaDifferences.Select(d => d.ToString()).ToList();
        Assert.Contains("column public.accounts.balance: type differs (source: numeric(12,2); target: numeric(14,2))", differences);
        Assert.Contains("column public.accounts.note: default differs (source: none; target: 'none'::text)", differences);
        Assert.Contains("constraint public.accounts.balance_range: missing on the target", differences);
        Assert.Contains("index public.accounts_created_idx: missing on the target", differences);
        Assert.Contains("index public.audit_what_idx: only on the target", differences);
        Assert.Contains("column sales.orders.coupon: only on the target", differences);
        Assert.Contains("type public.mood: labels differs (source: 'sad', 'ok', 'happy'; target: 'sad', 'ok', 'happy', 'ecstatic')", differences);
        Assert.Contains("sequence public.invoice_numbers: increment differs (source: 1; target: 5)", differences);
        Assert.Contains("trigger public.accounts.accounts_touch: enabled differs (source: origin; target: disabled)", differences);
        Assert.Contains("table \"Mixed Case\".\"Order Items\": missing on the target", differences);
        Assert.Contains(report.Tables, t => t.Table == "\"Mixed Case\".\"Order Items\"" && t.Status == TableStatus.NotCompared);

        // Content is still compared on the columns both sides have.
        Assert.Equal(TableStatus.Identical, Table(report, "public.accounts").Status);
        var orders = Table(report, "sales.orders");
        Assert.Equal(TableStatus.Identical, orders.Status);
        Assert.Contains("coupon", orders.Reason, StringComparison.Ordinal);
        Assert.False(report.Identical);
    }

    [Theory]
    [InlineData("DROP POLICY tenant_isolation ON public.tenant_notes", "policy public.tenant_notes.tenant_isolation: missing on the target")]
    [InlineData("ALTER POLICY tenant_isolation ON public.tenant_notes TO PUBLIC", "policy public.tenant_notes.tenant_isolation: roles differs (source: tenant_app; target: PUBLIC)")]
    [InlineData("ALTER POLICY tenant_isolation ON public.tenant_notes WITH CHECK (true)", "policy public.tenant_notes.tenant_isolation: with check differs (source: (tenant = current_setting('app.tenant'::text, true)); target: true)")]
    [InlineData("DROP POLICY no_deletes ON public.tenant_notes; CREATE POLICY no_deletes ON public.tenant_notes FOR DELETE USING (false)", "policy public.tenant_notes.no_deletes: type differs (source: restrictive; target: permissive)")]
    [InlineData("ALTER TABLE public.tenant_notes DISABLE ROW LEVEL SECURITY", "table public.tenant_notes: row level security differs (source: enabled; target: disabled)")]
    [InlineData("ALTER TABLE public.tenant_notes NO FORCE ROW LEVEL SECURITY", "table public.tenant_notes: forced row level security differs (source: yes; target: no)")]
    [InlineData("DROP RULE tenant_notes_keep ON public.tenant_notes", "rule public.tenant_notes.tenant_notes_keep: missing on the target")]
    [InlineData("ALTER TABLE public.tenant_notes DISABLE RULE tenant_notes_keep", "rule public.tenant_notes.tenant_notes_keep: enabled differs (source: origin; target: disabled)")]
    public async Task Row_level_security_policies_and_rules_are_compared(string change, string difference)
    {
        // The fixture connects as a superuser, which row-level security never filters: the rows of
        // tenant_notes are compared in full whatever the policies say (and whatever row_security is).
        var report = await ValidateAsync(await fixture.TargetAsync(change));

        Assert.Equal(difference, Assert.Single(report.SchemaDifferences).ToString());
        Assert.Equal(TableStatus.Identical, Table(report, "public.tenant_notes").Status);
        Assert.Equal(30, Table(report, "public.tenant_notes").SourceRows);
        Assert.False(report.Identical);
    }

    [Fact]
    public async Task A_materialized_view_made_with_no_data_is_not_read()
    {
        // Reading an unpopulated materialized view fails ("has not been populated"), which ended validation with exit 2.
        var report = await ValidateAsync(await fixture.TargetAsync());

        Assert.True(report.Identical, Describe(report));
        var view = Table(report, "public.account_totals");
        Assert.Equal(TableStatus.NotCompared, view.Status);
        Assert.Contains("not refreshed on either side", view.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_materialized_view_populated_on_one_side_only_is_a_schema_difference()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("REFRESH MATERIALIZED VIEW public.account_totals"));

        Assert.Equal("table public.account_totals: populated differs (source: no; target: yes)", Assert.Single(report.SchemaDifferences).ToString());
        Assert.Contains("not populated on the source", Table(report, "public.account_totals").Reason, StringComparison.Ordinal);
        Assert.False(report.Identical);
    }

    [Fact]
    public async Task A_views_body_is_not_compared_as_a_rule()
    {
        // A view's body is its _RETURN rule; only its columns are compared (deparsed bodies change between versions).
        var report = await ValidateAsync(await fixture.TargetAsync("CREATE OR REPLACE VIEW public.active_accounts AS SELECT id, name FROM public.accounts WHERE NOT active"));

        Assert.True(report.Identical, Describe(report));
    }

    [Fact]
    public async Task A_changed_large_object_is_reported()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("SELECT lo_put(424242, 0, '\\x41'::bytea)"));

        var lo = report.LargeObjects!;
        Assert.Equal(1, lo.Changed);
        Assert.Equal(new LargeObjectDifference(424242, RowDifferenceKind.Changed), Assert.Single(lo.Listed));
        Assert.False(report.Identical);
    }

    [Fact]
    public async Task The_listing_is_capped_but_totals_count_every_row()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE sales.line_items SET qty = qty + 1 WHERE order_id <= 100"), options: Options with { MaxListedRowsPerTable = 5 });

        var table = Table(report, "sales.line_items");
        Assert.Equal(300, table.ChangedRows);
        Assert.Equal(5, table.Rows.Count);
        Assert.Equal("order_id=1, line_no=1", table.Rows[0].DisplayKey);
        Assert.Equal("order_id=2, line_no=2", table.Rows[4].DisplayKey);
        Assert.True(table.TotalsExact);
    }

    [Fact]
    public async Task Narrowing_stops_at_its_budget_and_says_the_totals_are_lower_bounds()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("DELETE FROM public.accounts WHERE id > 1000"), options: Options with { MaxRowsNarrowed = 100 });

        var table = Table(report, "public.accounts");
        Assert.False(table.TotalsExact);
        Assert.InRange(table.MissingRows, 100, 4000);
        Assert.Equal(1000, table.TargetRows);
    }

    [Fact]
    public async Task Values_can_be_hidden()
    {
        var report = await ValidateAsync(await fixture.TargetAsync("UPDATE public.accounts SET name = 'secret' WHERE id = 3"), options: Options with { IncludeValues = false });

        var column = Assert.Single(OnlyRow(report, "public.accounts", RowDifferenceKind.Changed).Columns, c => c.Column == "name");
        Assert.Null(column.Source);
        Assert.Null(column.Target);
        Assert.DoesNotContain("secret", ValidationReportJson.Write(report), StringComparison.Ordinal);
    }

    private async Task<ValidationReport> ValidateAsync(PostgresEndpoint target, RecordingProgress? progress = null, ValidationOptions? options = null) =>
        await DataValidator.ValidateAsync(fixture.Source, target, options ?? Options, progress ?? new RecordingProgress(), CancellationToken.None);

    private static TableValidation Table(ValidationReport report, string name) =>
        report.Tables.SingleOrDefault(t => t.Table == name) ?? throw new Xunit.Sdk.XunitException($"no table {name} in the report: {Describe(report)}");

    /// <summary>The single differing row of the report: any other difference fails the test.</summary>
    private static RowDifference OnlyRow(ValidationReport report, string table, RowDifferenceKind kind)
    {
        var different = report.Tables.Where(t => t.Status == TableStatus.Different).ToList();
        Assert.True(different.Count == 1 && different[0].Table == table, Describe(report));
        Assert.Empty(report.SchemaDifferences);
        var row = Assert.Single(different[0].Rows);
        Assert.Equal(kind, row.Kind);
        Assert.Equal(1, different[0].DifferingRows);
        return row;
    }

    private static string Describe(ValidationReport report) => ValidationReportJson.Write(report);
}
