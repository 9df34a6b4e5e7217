using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using NodeManager.Management;

namespace NodeManager.Tests.Management;

public sealed class ManagementListenerSpec
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Endpoint_must_listen_on_loopback_and_unbind_when_stopped()
    {
        await using var app = Build(ManagementSettings.Default with { Port = 0 });
        await app.StartAsync().WaitAsync(Limit);
        var address = Assert.Single(ManagementEndpoint.Addresses(app.Services));
        using var client = new HttpClient { BaseAddress = address };

        var alive = await client.GetAsync("/alive").WaitAsync(Limit);
        await app.StopAsync().WaitAsync(Limit);
        using var afterStopClient = new HttpClient { BaseAddress = address };
        var afterStop = await Record.ExceptionAsync(() => afterStopClient.GetAsync("/alive").WaitAsync(Limit));

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.IsType<SocketException>(Assert.IsType<HttpRequestException>(afterStop).InnerException);
    }

    [Fact]
    public async Task A_disabled_endpoint_must_listen_nowhere()
    {
        var port = FreePort();
        await using var app = Build(ManagementSettings.Default with { Enabled = false, Port = port });

        await app.StartAsync().WaitAsync(Limit);

        Assert.Empty(ManagementEndpoint.Addresses(app.Services));
        using var rebind = new TcpListener(IPAddress.Loopback, port);
        rebind.Start();
        await app.StopAsync().WaitAsync(Limit);
    }

    private static WebApplication Build(ManagementSettings settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.AddManagementEndpoint(settings, new FakeControllerStatus(), SecretRedactor.None);
        var app = builder.Build();
        app.MapManagementEndpoint();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
