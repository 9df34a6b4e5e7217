using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NodeManager.Tests.Cli;
using NodeManager.Tests.Hosting;

namespace NodeManager.Tests.EndToEnd;

/// <summary>
/// An operator pauses and resumes a district of a running <c>nodemgr run</c> on demo.conf with a token from the
/// configuration, and reads the override back where every client reads the district.
/// </summary>
[Collection(ProcessLogCollection.Name)]
public sealed class OperatorActionsEndToEndSpec : IDisposable
{
    private const string Secret = "end-to-end-ops-token-42";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task An_operator_must_pause_a_district_with_a_token_see_the_override_and_resume_it()
    {
        var tokens = _files.Write("tokens.conf", $$"""node-manager.management.auth.tokens = [ { name = "ops", secret = "{{Secret}}" } ]""");
        await using var demo = await DemoRun.StartAsync([.. DemoRun.Configs(_files), tokens]);
        using var client = new HttpClient { BaseAddress = demo.BaseAddress, Timeout = Limit };
        await demo.Management.UntilAsync(async m => (await m.GetAsync("/districts")).GetProperty("districts").GetArrayLength() > 0, Limit,
            () => "the demo's district to start");

        var (refused, _) = await SendAsync(client, HttpMethod.Post, "/districts/district-a/pause", token: null);
        var (paused, pause) = await SendAsync(client, HttpMethod.Post, "/districts/district-a/pause", Secret, """{"reason": "end-to-end"}""");
        var district = (await demo.Management.GetAsync("/districts/district-a")).GetProperty("district");
        var (resumed, resume) = await SendAsync(client, HttpMethod.Post, "/districts/district-a/resume", Secret);
        var after = (await demo.Management.GetAsync("/districts/district-a")).GetProperty("district");
        await demo.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(("pause", "district-a", "ops", true), (pause.GetProperty("action").GetString(), pause.GetProperty("target").GetString(),
            pause.GetProperty("by").GetString(), pause.GetProperty("changed").GetBoolean()));
        Assert.True(district.GetProperty("paused").GetBoolean());
        var overridden = Assert.Single(district.GetProperty("overrides").EnumerateArray());
        Assert.Equal(("paused", "true", "ops", "end-to-end"), (overridden.GetProperty("setting").GetString(), overridden.GetProperty("value").GetString(),
            overridden.GetProperty("by").GetString(), overridden.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.True(resume.GetProperty("changed").GetBoolean());
        Assert.False(after.GetProperty("paused").GetBoolean());
        Assert.Empty(after.GetProperty("overrides").EnumerateArray());
        Assert.DoesNotContain(demo.Log.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(demo.Log.Lines, line => line.Contains("operator ops: pause district-a (end-to-end)", StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(
        HttpClient client, HttpMethod method, string path, string? token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request).WaitAsync(Limit);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }
}
