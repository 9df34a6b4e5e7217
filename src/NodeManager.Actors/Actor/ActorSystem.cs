using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace NodeManager.Actors;

/// <summary>
/// A hierarchy of actors with its scheduler, event stream, dead letters and extensions.
/// Top-level actors live under <c>/user</c>. Stop it with <see cref="Terminate"/> or, in a
/// service, through <see cref="CoordinatedShutdown"/>.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, object> _extensions = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _root;
    private readonly LocalActorRef _userGuardian;
    private readonly LocalActorRef _systemGuardian;
    private readonly ActorPath _tempPath;
    private long _nextTempNumber;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        var rootPath = ActorPath.CreateRoot($"akka://{name}");
        _tempPath = rootPath / "temp";
        EventStream = new EventStream();
        Scheduler = new TimeProviderScheduler(settings.TimeProvider);
        DeadLetters = new DeadLetterActorRef(this, rootPath / "deadLetters");
        _root = new ActorCell(this, Props.Create(() => new RootGuardian()), new RootSupervisor(this, rootPath / "bubble-walker"), rootPath);
        _userGuardian = _root.AttachChild(Props.Create(() => new Guardian()), "user");
        _systemGuardian = _root.AttachChild(Props.Create(() => new Guardian()), "system");
        _root.Start();
        CoordinatedShutdown = new CoordinatedShutdown(this);
        // Subscribed here rather than in the logger's PreStart, which runs later on a pool thread: a dead letter or
        // unhandled message published right after Create would otherwise be missed by the log.
        var deadLetterLogger = SystemActorOf(Props.Create(() => new DeadLetterLogger(settings)), "deadLetterLogger");
        EventStream.Subscribe(deadLetterLogger, typeof(DeadLetter));
        EventStream.Subscribe(deadLetterLogger, typeof(UnhandledMessage));
    }

    public string Name { get; }

    public ActorSystemSettings Settings { get; }

    public EventStream EventStream { get; }

    public IActorRef DeadLetters { get; }

    public IScheduler Scheduler { get; }

    public TimeProvider TimeProvider => Settings.TimeProvider;

    public ILoggerFactory LoggerFactory => Settings.LoggerFactory;

    public CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>Completes once every actor has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <param name="name">ASCII letters, digits, '-' and '_'; it is the address in every path.</param>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetterOrDigit(name[0])
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: use ASCII letters, digits, '-' and '_'", nameof(name));
        }

        return new ActorSystem(name, (settings ?? ActorSystemSettings.Default).Validate());
    }

    /// <summary>Creates a top-level actor under <c>/user</c>; the name must be unique among live ones.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.Cell.AttachChild(props, name);

    /// <summary>Stops any actor asynchronously: its children first, then its PostStop.</summary>
    public void Stop(IActorRef actor)
    {
        if (actor is IInternalActorRef target)
        {
            target.SendSystemMessage(Dispatch.Terminate.Instance);
        }
    }

    /// <summary>Stops /user top-down, then the runtime's own actors; completes with <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        Stop(_userGuardian);
        return WhenTerminated;
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <summary>Registers an extension under <typeparamref name="T"/>; if one is already there, returns that one.</summary>
    public T RegisterExtension<T>(T extension)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(extension);
        return (T)_extensions.GetOrAdd(typeof(T), extension);
    }

    /// <exception cref="InvalidOperationException">No extension is registered under <typeparamref name="T"/>.</exception>
    public T GetExtension<T>()
        where T : class =>
        TryGetExtension<T>(out var extension)
            ? extension
            : throw new InvalidOperationException(
                $"No extension of type {typeof(T).FullName} is registered in actor system [{Name}]; call RegisterExtension at start-up");

    public bool TryGetExtension<T>([MaybeNullWhen(false)] out T extension)
        where T : class
    {
        if (_extensions.TryGetValue(typeof(T), out var registered))
        {
            extension = (T)registered;
            return true;
        }

        extension = null;
        return false;
    }

    public override string ToString() => $"akka://{Name}";

    /// <summary>Creates a runtime actor under <c>/system</c>.</summary>
    internal IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.Cell.AttachChild(props, name);

    internal ActorPath NextTempPath() => _tempPath / ("$" + Interlocked.Increment(ref _nextTempNumber));

    internal void OnTerminated() => _terminated.TrySetResult();
}
