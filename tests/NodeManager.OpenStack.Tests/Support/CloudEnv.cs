using Microsoft.Extensions.Logging;
using NodeManager.OpenStack.Credentials;
using NodeManager.Simulators.OpenStack;
using NodeManager.Testing;

namespace NodeManager.OpenStack.Tests.Support;

/// <summary>A simulator on a free loopback port and a client for it, sharing one virtual clock.</summary>
internal sealed class CloudEnv : IAsyncDisposable
{
    private CloudEnv(VirtualTimeProvider clock, OpenStackSimulator simulator, OpenStackClient client)
    {
        Clock = clock;
        Simulator = simulator;
        Client = client;
    }

    public VirtualTimeProvider Clock { get; }
    public OpenStackSimulator Simulator { get; }
    public SimulatorAdmin Admin => Simulator.Admin;
    public OpenStackClient Client { get; }

    /// <summary>Test defaults: no retries and generous timeouts, so that nothing waits on virtual time unless a test asks.</summary>
    public static OpenStackSettings QuietSettings { get; } = new()
    {
        MaxRetries = 0,
        CallTimeout = TimeSpan.FromHours(1),
        RetryInitialDelay = TimeSpan.FromSeconds(1),
        RetryMaxDelay = TimeSpan.FromSeconds(10),
    };

    public static async Task<CloudEnv> StartAsync(
        Func<OpenStackSimulatorOptions, OpenStackSimulatorOptions>? simulator = null,
        Func<OpenStackSettings, OpenStackSettings>? settings = null,
        Func<OpenStackCredentials, OpenStackCredentials>? credentials = null,
        ILoggerFactory? loggerFactory = null)
    {
        var clock = new VirtualTimeProvider();
        var options = new OpenStackSimulatorOptions { TimeProvider = clock };
        options = simulator?.Invoke(options) ?? options;
        var sim = await OpenStackSimulator.StartAsync(options);
        var creds = PasswordCredentials(sim);
        creds = credentials?.Invoke(creds) ?? creds;
        var client = OpenStackClient.Create(settings?.Invoke(QuietSettings) ?? QuietSettings, creds, loggerFactory, clock);
        return new CloudEnv(clock, sim, client);
    }

    /// <summary>The simulator's own openrc, read the way an operator's environment would be.</summary>
    public static OpenStackCredentials PasswordCredentials(OpenStackSimulator sim) =>
        OpenRc.FromVariables(sim.OpenRc)! with { Source = "test" };

    /// <summary>A second client on the same simulator and clock (other settings or credentials).</summary>
    public OpenStackClient NewClient(OpenStackSettings settings, OpenStackCredentials? credentials = null, ILoggerFactory? loggerFactory = null) =>
        OpenStackClient.Create(settings, credentials ?? PasswordCredentials(Simulator), loggerFactory, Clock);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
