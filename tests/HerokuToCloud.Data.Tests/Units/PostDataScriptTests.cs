using HerokuToCloud.Data.Schema;

namespace HerokuToCloud.Data.Tests.Units;

public class PostDataScriptTests
{
    private const string Script = """
        --
        -- PostgreSQL database dump
        --

        \restrict abcDEF123

        SET statement_timeout = 0;
        SET client_encoding = 'UTF8';
        SELECT pg_catalog.set_config('search_path', '', false);

        --
        -- Name: Order Items Order Items_pkey; Type: CONSTRAINT; Schema: Sales Dept; Owner: -
        --

        ALTER TABLE ONLY "Sales Dept"."Order Items"
            ADD CONSTRAINT "Order Items_pkey" PRIMARY KEY (id);


        --
        -- Name: items_doc; Type: INDEX; Schema: Sales Dept; Owner: -
        --

        CREATE INDEX items_doc ON "Sales Dept"."Order Items" USING gin (doc);


        --
        -- Name: measurements_eu_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
        --

        ALTER INDEX public.measurements_pkey ATTACH PARTITION public.measurements_eu_pkey;


        --
        -- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: Sales Dept; Owner: -
        --

        ALTER TABLE ONLY "Sales Dept".orders
            ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES "Sales Dept".customers(id);


        --
        -- Name: r; Type: RULE; Schema: public; Owner: -
        --

        CREATE RULE r AS ON INSERT TO public.t DO ( SELECT 1;
         SELECT 2;
        );


        --
        -- PostgreSQL database dump complete
        --

        \unrestrict abcDEF123

        """;

    [Fact]
    public void Items_come_out_in_dump_order_with_their_wave_and_table()
    {
        var parsed = PostDataScript.Parse(Script);

        Assert.Equal(
            [
                (1, PostDataWave.IndexesAndConstraints, "CONSTRAINT", "Sales Dept.Order Items Order Items_pkey", "Sales Dept.Order"),
                (2, PostDataWave.IndexesAndConstraints, "INDEX", "Sales Dept.items_doc", null),
                (3, PostDataWave.IndexAttachments, "INDEX ATTACH", "public.measurements_eu_pkey", null),
                (4, PostDataWave.ForeignKeys, "FK CONSTRAINT", "Sales Dept.orders orders_customer_id_fkey", "Sales Dept.orders"),
                (5, PostDataWave.Remaining, "RULE", "public.r", null),
            ],
            parsed.Items.Select(i => (i.Ordinal, i.Wave, i.Kind, i.Name, i.Table)));
        Assert.Equal("CREATE INDEX items_doc ON \"Sales Dept\".\"Order Items\" USING gin (doc);", parsed.Items[1].Sql);
        Assert.EndsWith(");", parsed.Items[4].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Psql_meta_commands_and_the_encoding_switch_are_not_sent_to_the_server()
    {
        var parsed = PostDataScript.Parse(Script);

        Assert.DoesNotContain("\\restrict", parsed.Preamble, StringComparison.Ordinal);
        Assert.DoesNotContain("client_encoding", parsed.Preamble, StringComparison.Ordinal);
        Assert.Contains("set_config('search_path', '', false)", parsed.Preamble, StringComparison.Ordinal);
        Assert.All(parsed.Items, i => Assert.DoesNotContain("unrestrict", i.Sql, StringComparison.Ordinal));
        Assert.All(parsed.Items, i => Assert.DoesNotContain("dump complete", i.Sql, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CREATE INDEX items_doc ON \"Sales Dept\".\"Order Items\" USING gin (doc);", "\"Sales Dept\".\"Order Items\"")]
    [InlineData("CREATE UNIQUE INDEX \"odd \"\"name\" ON ONLY public.measurements USING btree (id);", "public.measurements")]
    [InlineData("ALTER TABLE ONLY \"Sales Dept\".\"Order Items\"\n    ADD CONSTRAINT \"Order Items_pkey\" PRIMARY KEY (id);", "\"Sales Dept\".\"Order Items\"")]
    [InlineData("ALTER TABLE public.\"a.b\"\n    ADD CONSTRAINT x CHECK (true);", "public.\"a.b\"")]
    [InlineData("ALTER INDEX public.measurements_pkey ATTACH PARTITION public.measurements_eu_pkey;", null)]
    [InlineData("CREATE TRIGGER t AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.f();", null)]
    public void The_relation_an_index_or_constraint_builds_on_is_read_as_written(string sql, string? relation) =>
        Assert.Equal(relation, PostDataScript.RelationOf(sql));

    [Theory]
    [InlineData("ALTER TABLE ONLY bench.documents\n    ADD CONSTRAINT documents_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.pgbench_accounts(aid);", "public.pgbench_accounts")]
    [InlineData("ALTER TABLE ONLY \"Sales Dept\".orders\n    ADD CONSTRAINT f FOREIGN KEY (\"customer id\", x) REFERENCES \"Sales Dept\".\"the \"\"customers\"(id, x) ON DELETE CASCADE;", "\"Sales Dept\".\"the \"\"customers\"")]
    [InlineData("ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);", null)]
    public void The_table_a_foreign_key_references_is_read_as_written(string sql, string? referenced) =>
        Assert.Equal(referenced, PostDataScript.ReferencedRelationOf(sql));

    [Theory]
    [InlineData("CREATE INDEX big_scaled ON public.big USING btree (public.scaled(x));", true)]
    [InlineData("CREATE INDEX t_name ON \"Sales Dept\".t USING btree (\"Sales Dept\".\"Normalise\" (name)) WHERE (active);", true)]
    [InlineData("ALTER TABLE public.t\n    ADD CONSTRAINT c CHECK (public.valid_sku(sku)) NOT VALID;", true)]
    [InlineData("CREATE INDEX t_near ON public.t USING btree (x) WHERE (x OPERATOR(public.===) 1);", true)]
    [InlineData("CREATE INDEX t_email ON public.t USING btree (lower(email)) WHERE (deleted_at IS NULL);", false)]
    [InlineData("CREATE INDEX t_doc ON \"public\".\"T\" USING gin (doc public.gin_trgm_ops);", false)]
    [InlineData("ALTER TABLE ONLY public.a\n    ADD CONSTRAINT a_hub FOREIGN KEY (hub_id) REFERENCES public.hub(id);", false)]
    [InlineData("ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);", false)]
    public void A_call_to_a_function_outside_pg_catalog_is_recognised_by_its_qualified_name(string sql, bool calls) =>
        Assert.Equal(calls, PostDataScript.CallsQualifiedFunction(sql));
}
