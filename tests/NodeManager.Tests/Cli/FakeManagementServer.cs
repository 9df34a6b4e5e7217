using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using NodeManager.Management;

namespace NodeManager.Tests.Cli;

/// <summary>
/// A management endpoint of canned answers on a loopback port of its own, for the routes the operator contract adds
/// (actions, events, the event stream): each answer is set per method and path, every request is recorded (method, path
/// and query, Authorization, Last-Event-ID, body), and anything not set answers 404 problem+json like the real endpoint.
/// </summary>
internal sealed class FakeManagementServer : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Method, string Path), Func<HttpContext, Task>> _routes = new();

    private FakeManagementServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeManagementServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeManagementServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync().WaitAsync(Limit);
        server.Address = new Uri(Assert.Single(ManagementEndpoint.Addresses(app.Services)).ToString().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (no query) with <paramref name="status"/> and <paramref name="json"/>.</summary>
    public void Answer(string method, string path, int status, string json) =>
        _routes[(method, path)] = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = status >= 400 ? "application/problem+json" : "application/json";
            await context.Response.WriteAsync(json);
        };

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with <paramref name="handler"/> (a stream that writes by itself).</summary>
    public void Answer(string method, string path, Func<HttpContext, Task> handler) => _routes[(method, path)] = handler;

    public static string Problem(int status, string title, string detail) =>
        $$"""{ "type": "urn:nodemanager:problem:test", "title": "{{title}}", "status": {{status}}, "detail": "{{detail}}" }""";

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(
            request.Method, request.Path + request.QueryString, request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } id ? id : null, body));
        if (_routes.TryGetValue((request.Method, request.Path.Value ?? "/"), out var route))
        {
            await route(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync(Problem(404, "Unknown route", $"No route answers {request.Method} {request.Path}."));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(Limit);
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the fake endpoint received it.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string? LastEventId, string Body);
