using NodeManager.Hocon;
using ConfigurationFactory = Akka.Configuration.ConfigurationFactory;

namespace NodeManager.Hosting;

/// <summary>
/// The actor system's HOCON: the <c>akka</c> section of the product's resolved configuration (reference.conf's defaults
/// under the operator's files), handed to Akka as its own <see cref="Akka.Configuration.Config"/>.
/// </summary>
internal static class AkkaConfiguration
{
    public const string Section = "akka";

    public static Akka.Configuration.Config FromProductConfig(Config root) =>
        root.HasPath(Section)
            ? ConfigurationFactory.ParseString($"{ConfigPath.Quote(Section)}: {ConfigRenderer.RenderJson(root.GetValue(Section))}")
            : Akka.Configuration.Config.Empty;
}
