using NodeManager.Cli;
using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Logging;
using NodeManager.Management;
using NodeManager.OpenStack.Errors;
using Serilog.Extensions.Logging;

namespace NodeManager.Hosting;

/// <summary>
/// <c>nodemgr run</c> from configuration to exit code: load and validate the configuration (every error on
/// stderr, exit 2), set up the log, start the host, wait for a signal (or <c>stop</c>), shut down (exit 0).
/// </summary>
/// <remarks>
/// The process's log is Serilog's <see cref="Serilog.Log.Logger"/> for the length of the run: Akka's <c>SerilogLogger</c> and the
/// host's logger factory write there.
/// </remarks>
public static partial class NodeManagerService
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter stderr, CancellationToken stop)
    {
        if (!TryLoad(options.ConfigFiles, stderr, out var config, out var settings))
        {
            return ExitCodes.ConfigError;
        }

        await using var logger = ProductLogger.Create(settings.Logging, options.LogSink);
        var previous = Serilog.Log.Logger;
        Serilog.Log.Logger = logger;
        try
        {
            return await RunLoadedAsync(options, config, settings, stderr, stop);
        }
        finally
        {
            Serilog.Log.Logger = previous;
        }
    }

    private static async Task<int> RunLoadedAsync(RunOptions options, Config config, HostConfiguration settings, TextWriter stderr, CancellationToken stop)
    {
        using var loggerFactory = new SerilogLoggerFactory();
        var log = loggerFactory.CreateLogger(typeof(NodeManagerService).FullName!);
        var redactor = SecretRedactor.FromConfig(config);
        LogLoaded(log, string.Join(", ", options.ConfigFiles));
        LogSimulatedParts(log, SimulatedParts.Of(config));

        // Signals are taken from here on: one during start-up cancels the start (exit 0), not the process.
        var requested = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var shutdownRequested = new CancellationTokenSource();
        void Request(string reason)
        {
            if (requested.TrySetResult(reason))
            {
                shutdownRequested.Cancel();
            }
        }

        using var signals = options.HandleSignals ? new ShutdownSignals(Request) : null;
        await using var registration = stop.Register(() => Request("stop requested"));

        NodeManagerHost host;
        try
        {
            host = await NodeManagerHost.StartAsync(
                new NodeManagerHostOptions(
                    config, settings.Host, settings.Management, options.Runtime ?? ProductControllerRuntime.CreateAsync)
                {
                    Redactor = redactor,
                    RemoteTls = settings.RemoteTls,
                },
                shutdownRequested.Token);
        }
        catch (OperationCanceledException) when (shutdownRequested.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ConfigException or ConfigErrorsException or CredentialsException)
        {
            // Read while starting (a settings record, clouds.yaml, OS_* variables): still the operator's setup at fault.
            await stderr.WriteLineAsync(redactor.Redact(e.Message));
            return ExitCodes.ConfigError;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"nodemgr run: failed to start: {redactor.Redact(e.Message)}");
            return ExitCodes.Failure;
        }

        await using (host)
        {
            options.Started?.Invoke(host);
            var first = await Task.WhenAny(requested.Task, host.WhenTerminated);
            var byRequest = first == requested.Task;
            await host.ShutdownAsync(byRequest ? await requested.Task : "actor system terminated");
            if (!byRequest)
            {
                LogTerminatedByItself(log);
            }

            return byRequest ? ExitCodes.Success : ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Validates the files the way <c>nodemgr config validate</c> does — syntax, substitutions, unknown keys (with a
    /// suggestion), types, and every settings record's ranges — so that all errors are reported in one go.
    /// </summary>
    private static bool TryLoad(IReadOnlyList<string> files, TextWriter stderr, out Config config, out HostConfiguration settings)
    {
        var errors = HostConfiguration.ValidateFiles(files);
        foreach (var error in errors)
        {
            stderr.WriteLine(error.Message);
        }

        if (errors.Count > 0)
        {
            config = null!;
            settings = null!;
            return false;
        }

        config = NodeManagerConfig.Load(files);
        HostConfiguration.Validate(config, out settings);
        return true;
    }

    // Among the first lines, so that whoever reads the log knows at once whether anything real is being driven.
    private static void LogSimulatedParts(ILogger log, SimulatedParts parts)
    {
        if (parts.Mixed)
        {
            LogSimulatedWithRealCloud(log, parts.Names(simulated: true), parts.Names(simulated: false));
        }
        else
        {
            LogSimulated(log, parts.Names(simulated: true), parts.Names(simulated: false));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated: {Simulated}; real: {Real}")]
    private static partial void LogSimulated(ILogger logger, string simulated, string real);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated: {Simulated}; real: {Real}: the real cloud is sized by what the simulator says")]
    private static partial void LogSimulatedWithRealCloud(ILogger logger, string simulated, string real);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration loaded from {Files}")]
    private static partial void LogLoaded(ILogger logger, string files);

    [LoggerMessage(Level = LogLevel.Error, Message = "The actor system terminated by itself; exiting with failure")]
    private static partial void LogTerminatedByItself(ILogger logger);
}
