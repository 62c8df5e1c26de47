using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Tests.Infrastructure;
using Npgsql;

namespace HerokuToCloud.Data.Tests.Validation;

/// <summary>
/// One PostgreSQL server with a source database holding every case validation must handle (types, a
/// composite key, quoted names, a table without a key, partitions, sequences, a large object, row-level
/// security with policies, a rule). Each test
/// derives its target from it with plain SQL — CREATE DATABASE … TEMPLATE (an exact copy) or
/// pg_dump | pg_restore — then injects one difference. The copy engine is never involved.
/// </summary>
public sealed class ValidationFixture : IAsyncLifetime
{
    private const string SourceName = "shop";
    private int databases;

    public PostgresServer Server { get; } = new();

    public PostgresEndpoint Source => Server.Endpoint(SourceName);

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.CreateDatabaseAsync(SourceName);
        await ExecuteAsync(Source, SourceSchema);
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    /// <summary>An exact copy of the source, then <paramref name="change"/> applied to it.</summary>
    public async Task<PostgresEndpoint> TargetAsync(string change = "")
    {
        var name = $"target_{Interlocked.Increment(ref databases)}";
        await ExecuteAsync(Server.Endpoint(), $"CREATE DATABASE {name} TEMPLATE {SourceName}");
        var target = Server.Endpoint(name);
        if (change.Length > 0)
            await ExecuteAsync(target, change);
        return target;
    }

    /// <summary>A target made with pg_dump | pg_restore: same content, different physical layout and OIDs.</summary>
    public async Task<PostgresEndpoint> RestoredTargetAsync()
    {
        var name = $"restored_{Interlocked.Increment(ref databases)}";
        await ExecuteAsync(Server.Endpoint(), $"CREATE DATABASE {name}");
        var bin = Server.BinDirectory;
        var connect = $"-h 127.0.0.1 -p {Server.Port} -U postgres";
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", $"set -o pipefail; '{bin}/pg_dump' {connect} -Fc {SourceName} | '{bin}/pg_restore' {connect} --exit-on-error -d {name}"])
        {
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "pg_dump | pg_restore failed: " + errors);
        return Server.Endpoint(name);
    }

    public static async Task ExecuteAsync(PostgresEndpoint endpoint, string sql)
    {
        var builder = endpoint.ToNpgsql();
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private const string SourceSchema = """
        CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
        CREATE DOMAIN public.positive_int AS integer CHECK (VALUE > 0);
        CREATE SCHEMA sales;
        CREATE SCHEMA "Mixed Case";

        CREATE TABLE public.accounts (
            id bigserial PRIMARY KEY,
            name text NOT NULL,
            note text,
            balance numeric(12,2) NOT NULL DEFAULT 0,
            ratio float8,
            created timestamptz NOT NULL,
            local_day date,
            payload jsonb,
            blob bytea,
            active boolean,
            token uuid,
            tags text[],
            feeling public.mood,
            small int2,
            code char(3),
            visits public.positive_int,
            name_length int GENERATED ALWAYS AS (length(name)) STORED,
            CONSTRAINT balance_range CHECK (balance > -1000000)
        );
        CREATE INDEX accounts_created_idx ON public.accounts (created);
        CREATE UNIQUE INDEX accounts_token_key ON public.accounts (token);
        INSERT INTO public.accounts (name, note, balance, ratio, created, local_day, payload, blob, active, token, tags, feeling, small, code, visits)
        SELECT 'name ' || g,
               CASE WHEN g % 10 = 0 THEN NULL WHEN g % 10 = 1 THEN '' ELSE 'note ' || g END,
               (g * 1.25)::numeric(12,2),
               g / 7.0::float8,
               timestamptz '2024-01-01 00:00:00+00' + g * interval '17 minutes',
               date '2024-01-01' + (g % 400),
               jsonb_build_object('g', g, 'even', g % 2 = 0, 'list', jsonb_build_array(g, g * 2)),
               decode(md5(g::text) || md5((g + 1)::text) || repeat('ab', 100), 'hex'),
               g % 3 = 0,
               md5(g::text)::uuid,
               ARRAY['t' || (g % 5), 'x'],
               (ARRAY['sad', 'ok', 'happy']::public.mood[])[1 + g % 3],
               (g % 30000)::int2,
               lpad((g % 1000)::text, 3, '0'),
               1 + g % 50
        FROM generate_series(1, 5000) g;
        UPDATE public.accounts SET ratio = 0.1::float8 + 0.2::float8 WHERE id = 20;

        CREATE TABLE public.audit (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text NOT NULL);
        INSERT INTO public.audit (what) SELECT 'event ' || g FROM generate_series(1, 300) g;

        CREATE TABLE sales.orders (id int PRIMARY KEY, customer_id bigint REFERENCES public.accounts (id), placed_at timestamptz NOT NULL);
        INSERT INTO sales.orders SELECT g, 1 + g % 50, timestamptz '2024-02-01 00:00+00' + g * interval '1 hour' FROM generate_series(1, 1000) g;
        CREATE TABLE sales.line_items (
            order_id int REFERENCES sales.orders (id),
            line_no int,
            product text NOT NULL,
            qty int NOT NULL,
            PRIMARY KEY (order_id, line_no));
        INSERT INTO sales.line_items SELECT o, l, 'product ' || (o * l % 97), 1 + (o + l) % 9 FROM generate_series(1, 1000) o, generate_series(1, 3) l;

        CREATE TABLE "Mixed Case"."Order Items" ("Order ID" int PRIMARY KEY, "select" text, "Déjà vu" text);
        INSERT INTO "Mixed Case"."Order Items" SELECT g, 'value ' || g, 'again ' || g FROM generate_series(1, 200) g;

        CREATE TABLE public.events_log (kind text, at timestamptz, detail text);
        INSERT INTO public.events_log
        SELECT 'kind' || (g % 4), timestamptz '2024-03-01 00:00+00' + (g % 10) * interval '1 minute', CASE WHEN g % 7 = 0 THEN NULL ELSE 'detail ' || (g % 10) END
        FROM generate_series(1, 2000) g;

        CREATE TABLE public.measurements (id int NOT NULL, at date NOT NULL, value float8, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE public.measurements_2024_01 PARTITION OF public.measurements FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
        CREATE TABLE public.measurements_2024_02 PARTITION OF public.measurements FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
        INSERT INTO public.measurements SELECT g, date '2024-01-01' + (g % 59), g * 0.5 FROM generate_series(1, 1000) g;

        CREATE TABLE public.subtle (id int PRIMARY KEY, n numeric, big bigint, j jsonb, f float8, r float4, day date, at timestamp, tz timestamptz, b bytea);
        INSERT INTO public.subtle VALUES
            (1, 1.0, 0, '{"a": 1.0}', 0, 0, '2024-02-29', '2024-02-29 23:59:59.999999', '2024-02-29 23:59:59.999999+00', '\x'),
            (2, 5, 1, '{"a": [1, 2]}', 1, 0.1, 'infinity', '-infinity', 'infinity', NULL),
            (3, 'NaN', -1, '{}', 'NaN', 'NaN', '2000-01-01', '2000-01-01 00:00:00', '-infinity', '\x00'),
            (4, 2, 2, '{}', 0, 5, '2020-01-01', '2020-01-01 00:00:00', '2020-01-01 00:00:00+00', '\x0000');

        -- Rows inserted with explicit ids, so the source's own serial sequence is behind its column.
        CREATE TABLE public.tickets (id serial PRIMARY KEY);
        INSERT INTO public.tickets VALUES (1), (2), (3);
        CREATE SEQUENCE public.invoice_numbers START 1000;
        SELECT nextval('public.invoice_numbers');
        SELECT lo_from_bytea(424242, 'a large object');
        CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER accounts_touch BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.touch();
        CREATE VIEW public.active_accounts AS SELECT id, name FROM public.accounts WHERE active;
        CREATE MATERIALIZED VIEW public.account_totals AS SELECT active, count(*) AS accounts FROM public.accounts GROUP BY active WITH NO DATA;

        CREATE ROLE tenant_app NOLOGIN;
        CREATE TABLE public.tenant_notes (id int PRIMARY KEY, tenant text NOT NULL, body text);
        INSERT INTO public.tenant_notes SELECT g, 'tenant ' || (g % 3), 'note ' || g FROM generate_series(1, 30) g;
        ALTER TABLE public.tenant_notes ENABLE ROW LEVEL SECURITY;
        ALTER TABLE public.tenant_notes FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON public.tenant_notes TO tenant_app
            USING (tenant = current_setting('app.tenant', true)) WITH CHECK (tenant = current_setting('app.tenant', true));
        CREATE POLICY no_deletes ON public.tenant_notes AS RESTRICTIVE FOR DELETE USING (false);
        CREATE RULE tenant_notes_keep AS ON DELETE TO public.tenant_notes WHERE old.tenant = 'tenant 0' DO INSTEAD NOTHING;
        ANALYZE;
        """;
}
