using System.Net;
using System.Net.Sockets;

namespace NodeManager.Tests.Support;

/// <summary>Loopback ports for a program that takes fixed ports (a script laying several out from one base).</summary>
internal static class FreePorts
{
    /// <summary>
    /// The first base in <paramref name="from"/>..<paramref name="to"/> (stepping by <paramref name="count"/>) whose
    /// <paramref name="count"/> consecutive loopback ports can all be bound now. A range of the test's own keeps
    /// parallel suites apart; a port taken between this check and its use makes the program fail loudly, not wrongly.
    /// </summary>
    public static int Block(int count, int from, int to)
    {
        for (var candidate = from; candidate + count <= to; candidate += count)
        {
            if (Enumerable.Range(candidate, count).All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free loopback ports in {from}..{to}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
