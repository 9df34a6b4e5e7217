using System.Net.Sockets;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.OpenStack.Errors;
using NodeManager.Persistence;

namespace NodeManager.Logging;

/// <summary>
/// Errors of the operator's setup rather than of the program — a port in use, missing credentials, a journal that
/// cannot be opened, bad configuration. Their message says all there is to say; a stack trace only buries it.
/// </summary>
public static class PlainErrors
{
    /// <summary>True when <paramref name="exception"/> or one it wraps is a plain error.</summary>
    public static bool IsPlain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsPlain))
            {
                return true;
            }

            if (e is ConfigException or ConfigErrorsException or CredentialsException or JournalUnavailableException
                or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse or SocketError.AddressNotAvailable or SocketError.AccessDenied })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The message of <paramref name="exception"/> on one line (several configuration errors are joined by "; ").</summary>
    public static string OneLine(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.Join("; ", exception.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
