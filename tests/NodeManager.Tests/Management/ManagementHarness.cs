using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Core.Status;
using NodeManager.Management;

namespace NodeManager.Tests.Management;

/// <summary>A management endpoint on an in-memory TestServer over a <see cref="FakeControllerStatus"/>.</summary>
internal sealed class ManagementHarness : IAsyncDisposable
{
    private ManagementHarness(ManagementServer server, HttpClient client)
    {
        Server = server;
        Client = client;
    }

    public ManagementServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<ManagementHarness> StartAsync(
        IControllerStatus status, SecretRedactor? redactor = null, ManagementSettings? settings = null)
    {
        var server = ManagementServer.Create(
            settings ?? ManagementSettings.Default with { Port = 0 },
            status,
            redactor ?? SecretRedactor.None,
            NullLoggerFactory.Instance,
            builder => builder.WebHost.UseTestServer());
        await server.StartAsync(CancellationToken.None);
        return new ManagementHarness(server, server.App.GetTestClient());
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, body);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync(CancellationToken.None);
        await Server.DisposeAsync();
    }
}
