using NodeManager.Core.Configuration;
using NodeManager.Hosting;

namespace NodeManager.Tests.Configuration;

/// <summary>
/// reference.conf documents exactly the keys the product reads: every leaf is read by some settings record, and
/// every key a settings record reads is in reference.conf. The host's validation creates every settings record
/// (<see cref="HostConfiguration.Validate"/>), so it is the one place that sees them all.
/// </summary>
public sealed class ReferenceConfSpec
{
    [Fact]
    public void Every_reference_key_must_be_read_by_a_settings_record_and_every_read_key_must_be_in_reference()
    {
        var reference = NodeManagerConfig.Reference;
        var read = ReadKeys();

        var unread = reference.AsEnumerable()
            .Select(leaf => leaf.Key)
            .Where(leaf => !read.Any(r => Covers(r, leaf)))
            .ToList();
        var undocumented = read
            .Where(r => !r.EndsWith(".*", StringComparison.Ordinal) && !reference.HasPathOrNull(r))
            .ToList();

        Assert.True(unread.Count == 0, "in reference.conf but read by no settings record:\n  " + string.Join("\n  ", unread));
        Assert.True(undocumented.Count == 0, "read by a settings record but not in reference.conf:\n  " + string.Join("\n  ", undocumented));
    }

    [Fact]
    public void Reference_must_be_valid_on_its_own()
    {
        var errors = HostConfiguration.Validate(NodeManagerConfig.Reference, out _);

        Assert.Empty(errors.Select(e => e.Message));
    }

    private static IReadOnlyList<string> ReadKeys()
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        var observed = NodeManagerConfig.Reference.WithReadObserver(path =>
        {
            lock (read)
            {
                read.Add(path);
            }
        });
        HostConfiguration.Validate(observed, out _);
        return [.. read];
    }

    // A key read directly, or a leaf under an object whose keys a record enumerated (reported as "path.*").
    private static bool Covers(string read, string leaf) =>
        read == leaf || (read.EndsWith(".*", StringComparison.Ordinal) && leaf.StartsWith(read[..^1], StringComparison.Ordinal));
}
