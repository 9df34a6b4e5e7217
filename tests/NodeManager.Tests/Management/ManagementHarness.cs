using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodeManager.Core.Operations;
using NodeManager.Core.Status;
using NodeManager.Management;

namespace NodeManager.Tests.Management;

/// <summary>
/// The management endpoint's share of the host (<see cref="ManagementEndpoint"/>) alone in a web application, on an
/// in-memory TestServer over a <see cref="FakeControllerStatus"/>.
/// </summary>
internal sealed class ManagementHarness : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ManagementHarness(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The endpoint's services, e.g. its event feed.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="configure">Extra services of the host, e.g. health checks.</param>
    public static async Task<ManagementHarness> StartAsync(
        IControllerStatus status, SecretRedactor? redactor = null, ManagementSettings? settings = null, Action<IServiceCollection>? configure = null,
        IControllerActions? actions = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.AddManagementEndpoint(settings ?? ManagementSettings.Default with { Port = 0 }, status, redactor ?? SecretRedactor.None, actions);
        builder.WebHost.UseTestServer();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapManagementEndpoint();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new ManagementHarness(app, app.GetTestClient());
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string path)
    {
        var response = await Client.GetAsync(path).WaitAsync(TimeSpan.FromSeconds(30));
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, body);
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> with <c>Authorization: Bearer <paramref name="token"/></c> when given, and <paramref name="body"/> as JSON when given.</summary>
    public async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpMethod method, string path, string? token = null, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await Client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        var text = await response.Content.ReadAsStringAsync();
        var parsed = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, parsed);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}
