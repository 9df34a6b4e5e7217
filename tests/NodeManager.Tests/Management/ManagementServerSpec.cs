using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.Management;

namespace NodeManager.Tests.Management;

public sealed class ManagementServerSpec
{
    [Fact]
    public async Task Server_must_listen_on_loopback_and_unbind_when_stopped()
    {
        var settings = ManagementSettings.Default with { Port = 0 };
        await using var server = ManagementServer.Create(settings, new FakeControllerStatus(), SecretRedactor.None, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);
        var address = Assert.Single(server.Addresses);
        using var client = new HttpClient { BaseAddress = address };

        var alive = await client.GetAsync("/alive");
        await server.StopAsync(CancellationToken.None);
        var afterStop = await Record.ExceptionAsync(() => new HttpClient { BaseAddress = address }.GetAsync("/alive"));

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.IsType<SocketException>(Assert.IsType<HttpRequestException>(afterStop).InnerException);
    }

    [Fact]
    public async Task Start_must_fail_when_the_port_is_taken()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var server = ManagementServer.Create(
            ManagementSettings.Default with { Port = port }, new FakeControllerStatus(), SecretRedactor.None, NullLoggerFactory.Instance);

        var failure = await Record.ExceptionAsync(() => server.StartAsync(CancellationToken.None));

        Assert.IsType<IOException>(failure, exactMatch: false);
    }
}
