namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>
/// A source database with everything the copy must carry: extensions, several schemas, enums, domains,
/// composite types, arrays of built-in and user-defined types, jsonb, bytea, numeric, timestamptz, floats,
/// generated and identity columns, a partitioned table, inheritance, large objects, tables without a
/// primary key, names that need quoting, an empty table, very wide rows, foreign keys, triggers, views.
/// </summary>
public static class TypeZoo
{
    public const string Schema = """
        CREATE EXTENSION hstore;
        CREATE EXTENSION citext;
        CREATE SCHEMA "Sales Dept";
        CREATE SCHEMA audit;
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'it''s "fine"');
        CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);
        CREATE DOMAIN email AS citext CHECK (VALUE LIKE '%@%');
        CREATE TYPE money_pair AS (amount numeric(12, 2), currency text);

        CREATE TABLE "Sales Dept"."Order Items" (
            id bigserial PRIMARY KEY,
            "select" text,
            "Mixed""Quote" mood NOT NULL DEFAULT 'ok',
            "with space" numeric(30, 10),
            moods mood[],
            price money_pair,
            prices money_pair[],
            qty positive_int,
            buyer email,
            tags text[],
            matrix int[][],
            attrs hstore,
            doc jsonb,
            raw bytea,
            at timestamptz,
            local_at timestamp,
            day date,
            span interval,
            ratio double precision,
            small real,
            flag boolean,
            uid uuid,
            addr inet,
            total numeric GENERATED ALWAYS AS ("with space" * 2) STORED
        );
        CREATE TABLE "Sales Dept".customers (
            id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL UNIQUE
        );
        CREATE TABLE "Sales Dept".orders (
            id bigint PRIMARY KEY,
            customer_id int REFERENCES "Sales Dept".customers (id),
            note text
        );
        CREATE TABLE public.events (happened timestamptz, payload jsonb, score float8);
        CREATE TABLE public."empty" (x int PRIMARY KEY);
        CREATE TABLE public.wide (id int PRIMARY KEY, a text, b text, c bytea);
        CREATE TABLE public.measurements (id int, region text, reading numeric, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
        CREATE TABLE public.measurements_eu PARTITION OF public.measurements FOR VALUES IN ('eu');
        CREATE TABLE public.measurements_us PARTITION OF public.measurements FOR VALUES IN ('us') PARTITION BY RANGE (id);
        CREATE TABLE public.measurements_us_low PARTITION OF public.measurements_us FOR VALUES FROM (MINVALUE) TO (500);
        CREATE TABLE public.measurements_us_high PARTITION OF public.measurements_us FOR VALUES FROM (500) TO (MAXVALUE);
        CREATE TABLE public.documents (id serial PRIMARY KEY, blob oid, title text);
        CREATE TABLE audit.base_log (id int, message text);
        CREATE TABLE audit.child_log (extra text) INHERITS (audit.base_log);
        CREATE TABLE public."order" ("group" int, "user" text, "from" date);
        CREATE INDEX items_doc ON "Sales Dept"."Order Items" USING gin (doc);
        CREATE INDEX "Items By Select" ON "Sales Dept"."Order Items" ("select");
        CREATE INDEX events_score ON public.events (score);
        CREATE FUNCTION audit.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := coalesce(NEW.note, 'touched'); RETURN NEW; END $$;
        CREATE TRIGGER orders_touch BEFORE INSERT ON "Sales Dept".orders FOR EACH ROW EXECUTE FUNCTION audit.touch();
        CREATE VIEW public.order_view AS SELECT o.id, c.name FROM "Sales Dept".orders o JOIN "Sales Dept".customers c ON c.id = o.customer_id;
        CREATE MATERIALIZED VIEW public.event_counts AS SELECT count(*) AS n FROM public.events;
        CREATE SEQUENCE public.standalone_seq START 100;
        """;

    /// <summary>Rows: <paramref name="scale"/> order items (the other tables scale with it).</summary>
    public static string Data(int scale) => $$"""
        INSERT INTO "Sales Dept"."Order Items" ("select", "Mixed""Quote", "with space", moods, price, prices, qty, buyer, tags, matrix, attrs, doc, raw, at, local_at, day, span, ratio, small, flag, uid, addr)
        SELECT CASE WHEN g % 17 = 0 THEN NULL WHEN g % 13 = 0 THEN '' ELSE 'row ' || g || E' tab\there \\ back "quote" ''single'' ünïcødé 😀' END,
               (ARRAY['sad', 'ok', 'happy', 'it''s "fine"']::mood[])[1 + g % 4],
               g * 1.0000000001 - 12345.6789,
               ARRAY['sad', 'happy']::mood[],
               ROW(g / 3.0, 'EUR')::money_pair,
               ARRAY[ROW(1.5, 'USD')::money_pair, ROW(NULL, 'x,y')::money_pair],
               1 + g % 9,
               'User' || g || '@Example.com',
               ARRAY['a', NULL, 'c d', E'e\nf'],
               ARRAY[[g, 2], [3, NULL]],
               hstore(ARRAY['k', 'n'], ARRAY['v' || g, NULL]),
               jsonb_build object_placeholder,
               decode(md5(g::text), 'hex') || '\x00ff'::bytea,
               timestamptz '2024-03-31 01:30:00+00' + g * interval '37 minutes',
               timestamp '1999-12-31 23:59:59.999999' + g * interval '1 second',
               date '2000-02-28' + g,
               make_interval(days => g % 40, secs => g / 7.0),
               g / 7.0::float8,
               (g / 3.0)::real,
               CASE WHEN g % 3 = 0 THEN NULL ELSE g % 2 = 0 END,
               md5(g::text)::uuid,
               ('10.0.' || (g % 256) || '.1')::inet
          FROM generate_series(1, {{scale}}) g;
        INSERT INTO "Sales Dept".customers (name) SELECT 'customer ' || g FROM generate_series(1, 50) g;
        INSERT INTO "Sales Dept".orders (id, customer_id, note) SELECT g, 1 + g % 50, CASE WHEN g % 2 = 0 THEN 'n' || g END FROM generate_series(1, {{scale / 2}}) g;
        INSERT INTO public.events SELECT timestamptz '2020-01-01' + g * interval '1 hour', jsonb_build_object('i', g, 'nested', jsonb_build_object('arr', jsonb_build_array(g, 'x', NULL, true))), g * pi() FROM generate_series(1, {{scale}}) g;
        INSERT INTO public.events SELECT NULL, NULL, 'NaN' FROM generate_series(1, 3);
        INSERT INTO public.events VALUES (NULL, '{}', 'Infinity'), (NULL, '[]', '-Infinity'), (NULL, 'null', -0.0);
        INSERT INTO public.wide SELECT g, repeat(md5(g::text), 2000), repeat('wide ', 30000), decode(repeat(md5(g::text), 5000), 'hex') FROM generate_series(1, 20) g;
        INSERT INTO public.measurements SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, g / 10.0 FROM generate_series(1, 1000) g;
        INSERT INTO public.documents (blob, title) SELECT lo_from_bytea(0, convert_to(repeat('large object ' || g || ' ', 1000 * g), 'UTF8')), 'doc ' || g FROM generate_series(1, 3) g;
        INSERT INTO public.documents (blob, title) VALUES (lo_from_bytea(0, ''), 'empty large object');
        INSERT INTO audit.base_log SELECT g, 'base ' || g FROM generate_series(1, 100) g;
        INSERT INTO audit.child_log SELECT g, 'child ' || g, 'x' FROM generate_series(1, 50) g;
        INSERT INTO public."order" SELECT g, 'u' || g, date '2024-01-01' + g FROM generate_series(1, 100) g;
        SELECT nextval('public.standalone_seq') FROM generate_series(1, 7);
        REFRESH MATERIALIZED VIEW public.event_counts;
        ANALYZE;
        """.Replace("jsonb_build object_placeholder", "jsonb_build_object('g', g, 'f', g / 3.0, 's', E'quote \" back \\\\ nl \\n', 'null', NULL, 'arr', jsonb_build_array(1, 'two', 3.5))", StringComparison.Ordinal);
}
