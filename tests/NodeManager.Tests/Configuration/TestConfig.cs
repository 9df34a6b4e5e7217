using NodeManager.Core.Configuration;
using NodeManager.Hocon;

namespace NodeManager.Tests.Configuration;

/// <summary>An operator file named <c>test.conf</c> over the embedded reference, as <c>nodemgr run</c> would see it.</summary>
internal static class TestConfig
{
    public const string Origin = "test.conf";

    public static Config Over(string text) =>
        ConfigFactory.ParseString(text, Origin).WithFallback(NodeManagerConfig.Reference).Resolve();
}
