using NodeManager.Core.Configuration;
using NodeManager.Hocon;
using NodeManager.Hosting;

namespace NodeManager.Tests.Configuration;

/// <summary>
/// reference.conf documents exactly the keys the product reads: every leaf is read by some settings record, and
/// every key a settings record reads is in reference.conf. The host's validation creates every settings record
/// (<see cref="HostConfiguration.Validate"/>), so it is the one place that sees them all. The <c>akka</c> section is
/// Akka's to read: its keys are checked against Akka's own reference configuration instead.
/// </summary>
public sealed class ReferenceConfSpec
{
    // Some keys are read only on one branch of a choice (credentials once an auth-url is given, an adapter's keys
    // once it is chosen). Each probe takes one branch over the reference; a key read on any branch is alive.
    private static readonly string[] Probes =
    [
        "",
        """node-manager.openstack.auth.auth-url = "https://keystone.example.com:5000/v3" """,
        "node-manager.cloud = simulated",
        """node-manager.capacity { source = command, command = ["oo-stats", "--format", "json"] }""",
        """node-manager.capacity { source = http, url = "http://broker.example.com/stats" }""",
        """node-manager.capacity { source = file, file = "/var/lib/nodemanager/capacity.json" }""",
        "node-manager.platform.adapter = command",
        """node-manager.platform { adapter = http, http.url = "http://broker.example.com/hook" }""",
        "node-manager.platform.adapter = stdout",
    ];

    [Fact]
    public void Every_reference_key_must_be_read_by_a_settings_record_and_every_read_key_must_be_in_reference()
    {
        var tracker = new ConfigKeyTracker();
        foreach (var probe in Probes)
        {
            var config = ConfigFactory.ParseString(probe, "probe.conf").WithFallback(NodeManagerConfig.ParseReference()).Resolve();
            var errors = HostConfiguration.Validate(tracker.Track(config), out _);
            Assert.True(errors.Count == 0, $"probe \"{probe}\" is invalid: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        var unread = ReferenceKeys.NotReadBy(tracker).Where(key => !IsAkkas(key)).ToList();
        var undocumented = ReferenceKeys.Undocumented(tracker);

        Assert.True(unread.Count == 0, "in reference.conf but read by no settings record:\n  " + string.Join("\n  ", unread));
        Assert.True(undocumented.Count == 0, "read by a settings record but not in reference.conf:\n  " + string.Join("\n  ", undocumented));
    }

    [Fact]
    public void Reference_must_be_valid_on_its_own()
    {
        var errors = HostConfiguration.Validate(NodeManagerConfig.Reference, out _);

        Assert.Empty(errors.Select(e => e.Message));
    }

    private static bool IsAkkas(string key) => key.StartsWith(NodeManager.Hocon.Akka.AkkaConfigConverter.Section + ".", StringComparison.Ordinal);
}
