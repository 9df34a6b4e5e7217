using Microsoft.Extensions.Logging;
using NodeManager.Core.Platform.Adapters;

namespace NodeManager.Core.Platform;

/// <summary>
/// Builds the capacity source and node operations HOCON chose. The simulated kinds live in NodeManager.Simulators
/// (which references Core, not the other way), so the caller passes them in.
/// </summary>
public static class PlatformAdapters
{
    public static ICapacitySource CreateCapacitySource(
        CapacitySettings settings, TimeProvider time, Func<HttpClient> http, Func<ICapacitySource> simulated) => settings.Source switch
    {
        CapacitySourceKind.Command => new CommandCapacitySource(settings.Command, settings.Timeout, new ProcessRunner(time)),
        CapacitySourceKind.Http => new HttpCapacitySource(http(), new Uri(settings.Url), settings.Timeout, time),
        CapacitySourceKind.File => new FileCapacitySource(settings.File),
        _ => simulated(),
    };

    public static IPlatform CreatePlatform(
        PlatformSettings settings, TimeProvider time, ILoggerFactory loggers, Func<HttpClient> http, Func<IPlatform> simulated) => settings.Adapter switch
    {
        PlatformAdapterKind.Command => new CommandPlatform(settings, new ProcessRunner(time)),
        PlatformAdapterKind.Http => new HttpPlatform(http(), settings, time),
        PlatformAdapterKind.Stdout => new StdoutPlatform(loggers.CreateLogger<StdoutPlatform>()),
        _ => simulated(),
    };
}
