using System.Net;
using NodeManager.Management;
using NodeManager.Tests.Management;

namespace NodeManager.Tests.Page;

/// <summary>The status page as the endpoint serves it: escaped markup, its own script and style, no token needed.</summary>
public sealed class StatusPageSpec
{
    private readonly FakeControllerStatus _status = new();

    [Fact]
    public async Task The_page_must_render_districts_and_nodes_with_every_value_escaped()
    {
        _status.Districts.Add(FakeControllerStatus.District("district-a") with { HighWaterMark = 80, LowWaterMark = 40 });
        _status.Nodes.Add(FakeControllerStatus.Node("district-a-1", "district-a", "Failed", lastError: "<script>alert(1)</script> & \"quotes\""));
        await using var harness = await ManagementHarness.StartAsync(_status);

        var response = await harness.Client.GetAsync("/").WaitAsync(TimeSpan.FromSeconds(30));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<article class=\"district\" data-district=\"district-a\">", html, StringComparison.Ordinal);
        Assert.Contains("(low-water 40%, high-water 80%)", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"mark high\" style=\"left: 80%;\"></div>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-node=\"district-a-1.example.com\" data-state=\"Failed\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/page/status.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_must_load_before_the_controller_has_started()
    {
        await using var harness = await ManagementHarness.StartAsync(new ControllerStatusSlot());

        var response = await harness.Client.GetAsync("/").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The controller has not started yet.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/page/status.js", "text/javascript", "EventSource")]
    [InlineData("/page/status.css", "text/css", ".district")]
    public async Task The_script_and_style_must_be_served_by_the_product(string path, string mediaType, string content)
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var response = await harness.Client.GetAsync(path).WaitAsync(TimeSpan.FromSeconds(30));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, body, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_asset_must_be_a_404_problem()
    {
        await using var harness = await ManagementHarness.StartAsync(_status);

        var (response, problem) = await harness.GetAsync("/page/app.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Problems.TypePrefix + "unknown-route", problem.GetProperty("type").GetString());
    }
}
