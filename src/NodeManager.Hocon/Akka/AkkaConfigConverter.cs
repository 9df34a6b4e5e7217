using Akka.Configuration.Hocon;
using AkkaConfig = Akka.Configuration.Config;

namespace NodeManager.Hocon.Akka;

/// <summary>
/// Hands a resolved configuration to Akka.NET as Akka's own HOCON tree (<see cref="HoconRoot"/>), built node by node,
/// so that Akka's text parser never reads an operator's file. Keys reach Akka exactly as written (a quoted key with
/// dots, such as a serialization binding's type name, stays one key); scalars reach it as the text they were written
/// with (numbers as written, durations and sizes as their strings, booleans as <c>true</c>/<c>false</c>, null as
/// <c>null</c>, which is how Akka's own parser represents them).
/// </summary>
/// <remarks>
/// Two behaviours belong to Akka's getters, whatever tree they read: <c>GetString</c> trims the value, and reads the
/// string <c>"null"</c> as null. A string with leading or trailing whitespace therefore reaches Akka trimmed.
/// </remarks>
public static class AkkaConfigConverter
{
    /// <summary>The top-level key Akka reads its settings under.</summary>
    public const string Section = "akka";

    /// <summary>The whole object as Akka's config root.</summary>
    /// <exception cref="ConfigException">A value below is not resolved.</exception>
    public static AkkaConfig Convert(ConfigObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new AkkaConfig(new HoconRoot(ToHocon(root)));
    }

    /// <summary>The whole config (its <see cref="Config.Root"/>, resolved) as Akka's config root.</summary>
    /// <exception cref="ConfigException">The config cannot be resolved.</exception>
    public static AkkaConfig Convert(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Convert(config.Root);
    }

    /// <summary>
    /// Only the <c>akka</c> section, still under its <c>akka</c> key, as <c>ActorSystem.Create</c> expects it; Akka's
    /// empty config when the section is not set. Akka adds its own defaults as fallbacks when it starts.
    /// </summary>
    /// <exception cref="ConfigException">The config cannot be resolved, or <c>akka</c> is not an object.</exception>
    public static AkkaConfig AkkaSection(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var akka = config.Root[Section];
        return akka switch
        {
            null => AkkaConfig.Empty,
            ConfigObject section => Convert(ConfigObject.Create(section.Origin, [KeyValuePair.Create(Section, (ConfigValue)section)])),
            _ => throw new ConfigException(akka.Origin, Section, $"expected an object, got {Config.Describe(akka)}"),
        };
    }

    private static HoconValue ToHocon(ConfigValue value)
    {
        var hocon = new HoconValue();
        hocon.AppendValue(Element(value));
        return hocon;
    }

    private static IHoconElement Element(ConfigValue value)
    {
        switch (value)
        {
            case ConfigObject obj:
                var hoconObject = new HoconObject();
                foreach (var (key, child) in obj.Fields)
                {
                    hoconObject.Items[key] = ToHocon(child);
                }
                return hoconObject;
            case ConfigList list:
                var array = new HoconArray();
                array.AddRange(list.Items.Select(ToHocon));
                return array;
            case ConfigScalar scalar:
                return new HoconLiteral { Value = scalar.Text };
            default:
                throw ConfigSubstitution.Unresolved(value);
        }
    }
}
