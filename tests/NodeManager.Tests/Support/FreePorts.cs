using System.Net;
using System.Net.Sockets;

namespace NodeManager.Tests.Support;

/// <summary>Loopback ports for a program that takes fixed ports (a script laying several out from one base).</summary>
internal static class FreePorts
{
    /// <summary>
    /// A base in <paramref name="from"/>..<paramref name="to"/> (stepping by <paramref name="count"/>) whose
    /// <paramref name="count"/> consecutive loopback ports can all be bound now. A range of the test's own keeps
    /// suites apart, and the search starts at a random block: runs of the same suite in parallel check at nearly the
    /// same moment, before either has bound what it found, and starting from the range's first block they would both
    /// take it. A port taken between this check and its use makes the program fail loudly, not wrongly.
    /// </summary>
    public static int Block(int count, int from, int to)
    {
        var blocks = (to - from) / count;
        if (blocks <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"no room for {count} ports from {from}");
        }

        var first = Random.Shared.Next(blocks);
        for (var i = 0; i < blocks; i++)
        {
            var candidate = from + ((first + i) % blocks * count);
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
