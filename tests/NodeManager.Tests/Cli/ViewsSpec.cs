using NodeManager.Cli.Endpoint;
using NodeManager.Cli.Views;

namespace NodeManager.Tests.Cli;

/// <summary>The views alone, rendered to a writer as `nodemgr` renders them when its output is not a terminal.</summary>
public sealed class ViewsSpec
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Members_must_name_this_member_the_leader_the_oldest_and_the_unreachable()
    {
        var members = new MembersBody(1, "akka.tcp://nm@127.0.0.1:1", "akka.tcp://nm@127.0.0.1:1", "akka.tcp://nm@127.0.0.1:2",
            [new MemberBody("akka.tcp://nm@127.0.0.1:1", "11", "Up", []), new MemberBody("akka.tcp://nm@127.0.0.1:2", "22", "Up", ["broker"])],
            [new UnreachableBody("akka.tcp://nm@127.0.0.1:2", "Up")]);
        var writer = new StringWriter();

        StatusView.Render(ConsoleFor.Writer(writer), members, null, []);

        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.Contains(lines, l => l.Contains("akka.tcp://nm@127.0.0.1:1") && l.Contains("yes") && l.Contains("this member, leader"));
        Assert.Contains(lines, l => l.Contains("akka.tcp://nm@127.0.0.1:2") && l.Contains(" no ") && l.Contains("oldest (capacity watcher), broker"));
        Assert.Contains("No districts yet", writer.ToString());
        Assert.DoesNotContain(lines, l => l.EndsWith(' '));
    }

    [Fact]
    public void A_name_with_markup_must_print_as_written()
    {
        var writer = new StringWriter();

        DistrictsView.Render(ConsoleFor.Writer(writer), [District("[red]x[/]") with { Paused = true }]);

        Assert.Contains("[red]x[/]", writer.ToString());
        Assert.Contains("yes (file)", writer.ToString());
    }

    [Fact]
    public void Nodes_must_say_who_protects_a_node()
    {
        var writer = new StringWriter();
        NodeBody Node(string name, bool isProtected, string? by) =>
            new(name, name, name, "district-a", "small", "Active", null, null, 4, null, [], isProtected, by);

        NodesView.Render(ConsoleFor.Writer(writer), [Node("n1", true, "operator:ops"), Node("n2", true, "file"), Node("n3", false, null)]);

        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.Contains(lines, l => l.StartsWith("n1 ", StringComparison.Ordinal) && l.Contains("yes (operator:ops)"));
        Assert.Contains(lines, l => l.StartsWith("n2 ", StringComparison.Ordinal) && l.Contains("yes (file)"));
        Assert.Contains(lines, l => l.StartsWith("n3 ", StringComparison.Ordinal) && l.Contains(" no "));
    }

    [Theory]
    [InlineData("ScaleUp", "district-a is scaling up: usage 90%")]
    [InlineData("scale-down", "district-a is scaling down: usage 90%")]
    [InlineData("Hold", "district-a is not scaling: usage 90%")]
    public void The_headline_must_follow_the_last_decision(string kind, string expected) =>
        Assert.Equal(expected, WhyExplanation.Headline(District("district-a") with { LastDecision = new DecisionBody(kind, "usage 90%", At) }));

    [Fact]
    public void A_district_paused_by_its_file_must_say_so()
    {
        var headline = WhyExplanation.Headline(District("district-a") with { Paused = true });

        Assert.Equal("district-a is not scaling: its configuration file pauses it.", headline);
    }

    [Fact]
    public void A_district_without_a_decision_must_say_it_has_decided_nothing()
    {
        var facts = WhyExplanation.Facts(District("district-a") with { NodesByState = new Dictionary<string, int> { ["Active"] = 1 }, Utilisation = null });

        Assert.StartsWith("district-a has decided nothing yet", WhyExplanation.Headline(District("district-a")), StringComparison.Ordinal);
        Assert.Equal("Bounds 1..4 (from the configuration file); it has 1 live node(s) (Active 1): at its minimum, it will not shrink.", facts[0]);
        Assert.Equal("Usage not measured yet.", facts[1]);
    }

    private static DistrictBody District(string name) =>
        new(name, "small", 1, 4, false, new Dictionary<string, int> { ["Active"] = 2 }, 50, null, [], null, []);
}
