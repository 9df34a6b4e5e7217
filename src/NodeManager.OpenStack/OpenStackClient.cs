using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Credentials;
using NodeManager.OpenStack.Dns;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;
using NodeManager.OpenStack.Identity;
using NodeManager.OpenStack.Image;
using NodeManager.OpenStack.Networking;

namespace NodeManager.OpenStack;

/// <summary>
/// One cloud: Keystone session, the per-cloud limiter and resilience pipeline, and the service clients
/// that share them. Thread-safe; create one per cloud and dispose it with its owner.
/// </summary>
public sealed class OpenStackClient : IDisposable
{
    private readonly OpenStackTransport _transport;
    private readonly KeystoneSession _keystone;
    private readonly OpenStackSession _session;

    private OpenStackClient(OpenStackSettings settings, OpenStackCredentials credentials, ILoggerFactory loggerFactory,
        TimeProvider time, HttpMessageHandler handler, Func<double>? jitter)
    {
        Settings = settings;
        Credentials = credentials;
        var log = loggerFactory.CreateLogger("NodeManager.OpenStack");
        _transport = new OpenStackTransport(settings, handler, time, log, jitter);
        _keystone = new KeystoneSession(credentials, _transport, settings.TokenRefreshMargin, time, log);
        _session = new OpenStackSession(_keystone, _transport, log);
        Images = new GlanceClient(_session);
        Networks = new NeutronClient(_session);
        Compute = new NovaClient(_session, Images, Networks, settings.ComputeMicroversion);
        BlockStorage = new CinderClient(_session);
        Dns = new DesignateClient(_session);
    }

    /// <param name="jitter">Replaces the back-off jitter's random source (tests pin it); null = random.</param>
    public static OpenStackClient Create(OpenStackSettings settings, OpenStackCredentials credentials,
        ILoggerFactory? loggerFactory = null, TimeProvider? time = null, HttpMessageHandler? handler = null, Func<double>? jitter = null) =>
        new(settings, credentials, loggerFactory ?? NullLoggerFactory.Instance, time ?? TimeProvider.System,
            handler ?? HandlerFactory.Create(settings.MaxConcurrency, credentials.CaCertFile), jitter);

    /// <summary>Resolves credentials with <see cref="CredentialResolver.ForProcess"/> (see there for precedence) and creates the client.</summary>
    public static OpenStackClient FromSettings(OpenStackSettings settings, ILoggerFactory? loggerFactory = null, TimeProvider? time = null) =>
        Create(settings, CredentialResolver.ForProcess().Resolve(settings), loggerFactory, time);

    public OpenStackSettings Settings { get; }
    public OpenStackCredentials Credentials { get; }
    public NovaClient Compute { get; }
    public CinderClient BlockStorage { get; }
    public DesignateClient Dns { get; }
    public GlanceClient Images { get; }
    public NeutronClient Networks { get; }

    /// <summary>The current token (authenticating when there is none or it is about to expire).</summary>
    public Task<KeystoneToken> AuthenticateAsync(CancellationToken ct = default) => _keystone.GetTokenAsync(ct);

    /// <summary>The base URL the client uses for each service; a service missing from the catalog maps to its CatalogException.</summary>
    public async Task<IReadOnlyDictionary<string, Result<string>>> EndpointsAsync(CancellationToken ct = default)
    {
        await _keystone.GetTokenAsync(ct).ConfigureAwait(false);
        var result = new Dictionary<string, Result<string>>(StringComparer.Ordinal);
        foreach (var service in ServiceKind.All)
        {
            try
            {
                result[service.Name] = Result<string>.Ok(await _session.BaseUrlAsync(service, ct).ConfigureAwait(false));
            }
            catch (CatalogException e)
            {
                result[service.Name] = Result<string>.Fail(e);
            }
        }
        return result;
    }

    public void Dispose()
    {
        _keystone.Dispose();
        _transport.Dispose();
    }
}

/// <summary>A value or the exception that stood in its way.</summary>
public readonly record struct Result<T>(T? Value, Exception? Error)
{
    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Exception error) => new(default, error);
    public bool IsOk => Error is null;
}
