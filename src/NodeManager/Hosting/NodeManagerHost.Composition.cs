using Akka;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using NodeManager.Core.Events;
using NodeManager.Core.Operations;
using NodeManager.Management;
using NodeManager.Persistence;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace NodeManager.Hosting;

public sealed partial class NodeManagerHost
{
    /// <summary>
    /// The composition root: one web application whose services are the management endpoint and, through
    /// <c>AddAkka</c>, the actor system — its HOCON from the product configuration, its journal, its liveness check
    /// (behind <c>/alive</c>), and <c>WithActors</c> starting the controller and registering the product's tasks in
    /// coordinated shutdown.
    /// </summary>
    private static WebApplication Compose(NodeManagerHostOptions options, Func<IControllerRuntime> runtime)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NodeManagerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The host's ILoggerFactory writes to Serilog's Log.Logger, where Akka's SerilogLogger writes too.
        builder.Services.AddSerilog();
        builder.Services.AddSingleton<IHostLifetime, OwnedByHostLifetime>();

        var status = new ControllerStatusSlot();
        var actions = new ControllerActionsSlot();
        builder.AddManagementEndpoint(options.Management, status, options.Redactor, actions);
        // Within the request's own time limit, leaving room for the answer.
        var probe = new JournalReadinessCheck(JournalSettings.Create(options.Config), options.Management.RequestTimeout / 2);
        builder.Services.AddHealthChecks().AddCheck(JournalReadinessCheck.Name, probe, tags: [ManagementApi.ReadinessTag]);
        builder.Services.AddAkka<ActorSystemAfterEndpointService>(options.Host.ClusterName, (akka, services) =>
        {
            // The akka section goes on top: an operator's akka.* key wins over what the journal's set-up derived.
            JournalConfiguration.Configure(akka, options.Config);
            akka.AddHocon(AkkaConfiguration.FromProductConfig(options.Config), HoconAddMode.Prepend);
            if (options.RemoteTls is { } tls)
            {
                // Akka.Remote takes the certificate and the peer check from the setup; the file and its password, read
                // already, are kept out of its settings (it would only warn that they are ignored).
                akka.AddSetup(tls.ToSetup());
                akka.AddHocon("akka.remote.dot-netty.tcp.ssl.certificate { path = \"\", password = \"\" }", HoconAddMode.Prepend);
            }

            akka.WithActorSystemLivenessCheck();
            akka.WithActors((system, _) => StartController(system, runtime(), status, actions, services));
        });

        var app = builder.Build();
        app.MapManagementEndpoint();
        return app;
    }

    private static void StartController(
        ActorSystem system, IControllerRuntime runtime, ControllerStatusSlot status, ControllerActionsSlot actions, IServiceProvider services)
    {
        // No seed nodes: a cluster of one, which joins itself (the port may be the free one picked at start).
        var cluster = Akka.Cluster.Cluster.Get(system);
        if (cluster.Settings.SeedNodes.Count == 0)
        {
            cluster.Join(cluster.SelfAddress);
        }

        services.GetRequiredService<ClusterMembersSlot>().Attach(cluster);

        var shutdown = CoordinatedShutdown.Get(system);
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger<NodeManagerHost>();
        system.ActorOf(QuarantinedMemberStop.Props(services.GetRequiredService<ILoggerFactory>().CreateLogger<QuarantinedMemberStop>()),
            "quarantined-member-stop");
        var server = services.GetRequiredService<IServer>();
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "management-unbind", async () =>
        {
            // Requests in flight may finish within the phase; then their connections are closed.
            using var deadline = new CancellationTokenSource(shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind));
            // Event streams last as long as their clients: end them, or the server would wait for them until the deadline.
            services.GetRequiredService<EventFeed>().Close();
            await server.StopAsync(deadline.Token);
            LogManagementUnbound(log);
            return Done.Instance;
        });

        var controller = runtime.Start(system);
        status.Attach(controller);
        // A controller that takes no operator actions leaves them answering 503 not-started.
        if (controller is IControllerActions operations)
        {
            actions.Attach(operations);
        }

        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "controller-stop", async () =>
        {
            using var deadline = new CancellationTokenSource(shutdown.Timeout(CoordinatedShutdown.PhaseServiceStop));
            await runtime.StopAsync(deadline.Token);
            LogControllerStopped(log);
            return Done.Instance;
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Management endpoint stopped accepting requests")]
    private static partial void LogManagementUnbound(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Controller stopped")]
    private static partial void LogControllerStopped(ILogger logger);
}
