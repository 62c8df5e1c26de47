using HerokuToCloud.Data.Copy;
using HerokuToCloud.Data.Schema;

namespace HerokuToCloud.Data.Tests.Units;

public class PostDataScheduleTests
{
    private static int ordinal;

    private static PostDataItem Item(string kind, string sql) =>
        new(Interlocked.Increment(ref ordinal), PostDataScript.WaveOf(kind), kind, $"item {ordinal}", null, sql);

    private static PostDataItem ForeignKey(string table, string referenced) =>
        Item("FK CONSTRAINT", $"ALTER TABLE ONLY {table}\n    ADD CONSTRAINT c FOREIGN KEY (x) REFERENCES {referenced}(id);");

    private static PostDataItem Index(string table) => Item("INDEX", $"CREATE INDEX i ON {table} USING btree (x);");

    private static PostDataItem PrimaryKey(string table) => Item("CONSTRAINT", $"ALTER TABLE ONLY {table}\n    ADD CONSTRAINT p PRIMARY KEY (id);");

    private static readonly Dictionary<string, long> Sizes = new()
    {
        ["public.a"] = 900,
        ["public.b"] = 800,
        ["public.c"] = 100,
        ["public.hub"] = 5000,
        ["public.other"] = 10,
    };

    [Fact]
    public async Task A_lane_that_would_wait_for_a_running_lanes_lock_is_passed_over_for_one_that_can_run()
    {
        // a and b both reference hub: the second would wait for the first's lock on it. c references another table.
        var a = new PostDataLane([ForeignKey("public.a", "public.hub")], Sizes);
        var b = new PostDataLane([ForeignKey("public.b", "public.hub")], Sizes);
        var c = new PostDataLane([ForeignKey("public.c", "public.other")], Sizes);
        var schedule = new PostDataSchedule([c, b, a]);

        Assert.Same(a, await schedule.TakeAsync(CancellationToken.None));
        Assert.Same(c, await schedule.TakeAsync(CancellationToken.None));

        var waiting = schedule.TakeAsync(CancellationToken.None);
        schedule.Finished(c);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted, "b still conflicts with the running a");
        schedule.Finished(a);
        Assert.Same(b, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        schedule.Finished(b);
        Assert.Null(await schedule.TakeAsync(CancellationToken.None));
    }

    [Fact]
    public void Index_builds_on_one_table_share_it_and_a_constraint_on_it_excludes_them()
    {
        var first = new PostDataLane([Index("public.a")], Sizes);
        var second = new PostDataLane([Index("public.a")], Sizes);
        var key = new PostDataLane([PrimaryKey("public.a")], Sizes);
        var elsewhere = new PostDataLane([PrimaryKey("public.b")], Sizes);

        Assert.False(second.ConflictsWith([first]));
        Assert.True(key.ConflictsWith([first]));
        Assert.True(first.ConflictsWith([key]));
        Assert.False(elsewhere.ConflictsWith([first, key]));
    }

    [Fact]
    public void Lanes_are_sized_by_the_tables_they_build_on()
    {
        var lane = new PostDataLane([PrimaryKey("public.a"), ForeignKey("public.a", "public.hub")], Sizes);

        Assert.Equal(1800, lane.Size);
        Assert.Equal(new Dictionary<string, bool> { ["public.a"] = true, ["public.hub"] = true }, lane.Claims);
    }

    [Fact]
    public async Task A_foreign_key_waits_for_the_keys_of_the_table_it_references_not_for_other_tables()
    {
        // The foreign key's table is the largest, so it comes first in size order, but hub has no key yet.
        var foreignKey = new PostDataLane([ForeignKey("public.a", "public.other")], Sizes);
        var otherKey = new PostDataLane([PrimaryKey("public.other")], Sizes);
        var unrelated = new PostDataLane([Index("public.b")], Sizes);
        var schedule = new PostDataSchedule([foreignKey, otherKey, unrelated]);

        Assert.Same(unrelated, await schedule.TakeAsync(CancellationToken.None));
        Assert.Same(otherKey, await schedule.TakeAsync(CancellationToken.None));
        var waiting = schedule.TakeAsync(CancellationToken.None);
        schedule.Finished(unrelated);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted, "other's key is still being built");
        schedule.Finished(otherKey);
        Assert.Same(foreignKey, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Two_tables_referencing_each_other_each_get_their_key_before_the_foreign_key_to_them()
    {
        var aKey = new PostDataLane([PrimaryKey("public.a")], Sizes);
        var bKey = new PostDataLane([PrimaryKey("public.b")], Sizes);
        var aToB = new PostDataLane([ForeignKey("public.a", "public.b")], Sizes);
        var bToA = new PostDataLane([ForeignKey("public.b", "public.a")], Sizes);
        var schedule = new PostDataSchedule([aToB, bToA, aKey, bKey]);

        var order = new List<PostDataLane>();
        while (await schedule.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)) is { } lane)
        {
            order.Add(lane);
            schedule.Finished(lane);
        }

        Assert.Equal(4, order.Count);
        Assert.True(order.IndexOf(aKey) < order.IndexOf(bToA), "b's foreign key to a waits for a's key");
        Assert.True(order.IndexOf(bKey) < order.IndexOf(aToB), "a's foreign key to b waits for b's key");
    }

    [Fact]
    public async Task A_foreign_key_whose_referenced_table_cannot_be_read_waits_for_every_key_and_index()
    {
        var unreadable = new PostDataLane([Item("FK CONSTRAINT", "ALTER TABLE ONLY public.a\n    ADD CONSTRAINT c FOREIGN KEY (x) REFERENCES something odd;")], Sizes);
        var index = new PostDataLane([Index("public.c")], Sizes);
        var schedule = new PostDataSchedule([unreadable, index]);

        Assert.True(unreadable.NeedsEverythingBuilt);
        Assert.Same(index, await schedule.TakeAsync(CancellationToken.None));
        var waiting = schedule.TakeAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted, "an index is still being built");
        schedule.Finished(index);
        Assert.Same(unreadable, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static CopyUnit Unit(string table) => new() { Id = 0, Kind = CopyUnitKind.Table, Schema = "public", Table = table };

    /// <summary>The copy still owes <paramref name="unitsLeft"/> units of each plain table, named as post-data writes them (public.x for table x).</summary>
    private static LoadingTables Loading(Dictionary<string, int> unitsLeft) =>
        new(unitsLeft, unitsLeft.Keys.ToDictionary(r => r, r => new List<string> { r }), Sizes);

    [Fact]
    public async Task During_the_copy_a_tables_index_waits_for_its_last_unit_while_a_loaded_tables_index_runs()
    {
        var loading = Loading(new() { ["public.a"] = 2, ["public.b"] = 0 });
        var onA = new PostDataLane([Index("public.a")], Sizes);
        var onB = new PostDataLane([Index("public.b")], Sizes);
        var schedule = new PostDataSchedule([onA, onB], loading);

        Assert.Same(onB, await schedule.TakeAsync(CancellationToken.None));
        schedule.Finished(onB);
        var waiting = schedule.TakeAsync(CancellationToken.None);
        loading.Committed(Unit("a"));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted, "a has a unit still copying");
        loading.Committed(Unit("a"));
        Assert.Same(onA, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(loading.Everything.IsCompleted);
    }

    [Fact]
    public async Task During_the_copy_a_foreign_key_waits_for_both_its_tables_to_load()
    {
        var loading = Loading(new() { ["public.a"] = 0, ["public.hub"] = 1 });
        var foreignKey = new PostDataLane([ForeignKey("public.a", "public.hub")], Sizes);
        var schedule = new PostDataSchedule([foreignKey], loading);

        var waiting = schedule.TakeAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted, "hub is still loading");
        loading.Committed(Unit("hub"));
        Assert.Same(foreignKey, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData("an untracked table (a partition, an inheritance parent)", "CREATE INDEX i ON public.leaf USING btree (x);")]
    [InlineData("a statement whose table cannot be read", "COMMENT ON something odd;")]
    public async Task During_the_copy_a_statement_the_copy_cannot_vouch_for_waits_for_the_whole_copy(string what, string sql)
    {
        var loading = Loading(new() { ["public.a"] = 0 });
        var lane = new PostDataLane([Item("INDEX", sql)], Sizes);
        var schedule = new PostDataSchedule([lane], loading);

        var waiting = schedule.TakeAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted, $"{what} ran during the copy");
        loading.Finished();
        Assert.Same(lane, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_foreign_key_whose_tables_are_loaded_still_waits_for_a_key_on_them_held_back_by_the_copy()
    {
        // hub is loaded, but its index calls a function of its own schema, so it waits for the whole copy: the
        // foreign key to hub must not run before it, although nothing else is running or ready.
        var loading = Loading(new() { ["public.a"] = 0, ["public.hub"] = 0 });
        var hubIndex = new PostDataLane([Item("INDEX", "CREATE UNIQUE INDEX h ON public.hub USING btree (public.normalised(id));")], Sizes);
        var foreignKey = new PostDataLane([ForeignKey("public.a", "public.hub")], Sizes);
        var schedule = new PostDataSchedule([foreignKey, hubIndex], loading);

        var waiting = schedule.TakeAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted, "hub's index is held back until the copy ends");
        loading.Finished();
        Assert.Same(hubIndex, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
