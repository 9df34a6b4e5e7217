using NodeManager.Actors;
using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>What the composition root hands to the parts it starts: the one config, system, log and clock.</summary>
public sealed record HostContext(Config Config, ActorSystem System, ILoggerFactory LoggerFactory, TimeProvider TimeProvider);
