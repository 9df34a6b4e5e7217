namespace NodeManager.Hocon.Tests;

internal static class Hocon
{
    /// <summary>Parses and resolves without the environment (tests stay independent of the machine).</summary>
    public static Config Resolve(string text, IReadOnlyDictionary<string, string>? env = null) =>
        ConfigFactory.ParseString(text, "test.conf").Resolve(env is null ? ConfigResolveOptions.NoEnvironment : ConfigResolveOptions.WithEnvironment(env));

    public static string Json(string text) => ConfigRenderer.RenderJson(Resolve(text).Root, indent: false);

    public static ConfigException Error(string text, IReadOnlyDictionary<string, string>? env = null) =>
        Assert.Throws<ConfigException>(() => Resolve(text, env));
}
