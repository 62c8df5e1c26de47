namespace HerokuToCloud.Inventory.Tests;

public class ProcessTests
{
    [Fact]
    public void An_unset_quantity_is_heroku_s_default_one_web_dyno_and_no_other()
    {
        Assert.Equal(1, new Process { Type = "web" }.Quantity);
        Assert.Equal(0, new Process { Type = "worker" }.Quantity);
        Assert.Equal(0, new Process { Type = "web", Quantity = 0 }.Quantity);
    }

    [Fact]
    public void An_unset_quantity_equals_the_default_it_stands_for_and_nothing_else()
    {
        Assert.Equal(new Process { Type = "web", Quantity = 1 }, new Process { Type = "web" });
        Assert.Equal(new Process { Type = "web", Quantity = 1 }.GetHashCode(), new Process { Type = "web" }.GetHashCode());
        Assert.NotEqual(new Process { Type = "web", Quantity = 2 }, new Process { Type = "web" });
        Assert.NotEqual(new Process { Type = "web", Command = "a" }, new Process { Type = "web", Command = "b" });
        Assert.NotEqual(new Process { Type = "web", Port = 3000 }, new Process { Type = "web" });
        Assert.NotEqual(new Process { Type = "web", Autoscaling = new Autoscaling(1, 4) }, new Process { Type = "web" });
    }
}
