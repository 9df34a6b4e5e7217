using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Logging;
using NodeManager.Management;

namespace NodeManager.Hosting;

/// <summary>The host's own settings, and the validation of every settings record before anything starts.</summary>
public sealed record HostConfiguration(HostSettings Host, ManagementSettings Management, LoggingSettings Logging)
{
    /// <summary>
    /// Creates the host's settings and every product settings record (<see cref="ProductControllerRuntime.SettingsReaders"/>),
    /// collecting every fault of each record (a <see cref="ConfigException"/>, or several in a
    /// <see cref="ConfigErrorsException"/>) so the operator sees all faults at once.
    /// </summary>
    public static IReadOnlyList<ConfigException> Validate(Config config, out HostConfiguration settings)
    {
        var errors = new List<ConfigException>();
        var host = Read(config, HostSettings.Create, errors);
        var management = Read(config, ManagementSettings.Create, errors);
        var logging = Read(config, LoggingSettings.Create, errors);
        foreach (var reader in ProductControllerRuntime.SettingsReaders)
        {
            Read(config, reader, errors);
        }

        settings = new HostConfiguration(host ?? HostSettings.Default, management ?? ManagementSettings.Default, logging ?? LoggingSettings.Default);
        return errors;
    }

    /// <summary>
    /// Everything <c>nodemgr config validate</c> and <c>nodemgr run</c> check in <paramref name="files"/>: syntax,
    /// substitutions, <c>node-manager.*</c> keys against reference.conf, <c>akka.*</c> keys against Akka's reference,
    /// every settings record's ranges, and that simulation is chosen rather than defaulted into
    /// (<see cref="SimulatedParts.Validate"/>), and that a member of a cluster of more than one can be one
    /// (<see cref="ClusterMembership.Validate"/>), and the PostgreSQL lease's section when something takes the lease
    /// (<see cref="LeaseSettingsCheck.Validate"/>) — all errors, not the first.
    /// </summary>
    public static IReadOnlyList<ConfigException> ValidateFiles(IReadOnlyList<string> files, ConfigResolveOptions? options = null)
    {
        var folders = Folders(files);
        return folders.Count > 0
            ? folders
            : ConfigValidation.Validate(files, [c => Validate(c, out _), SimulatedParts.Validate, ClusterMembership.Validate, LeaseSettingsCheck.Validate], options, [AkkaConfiguration.ValidateKeys]);
    }

    /// <summary>
    /// An error for each of <paramref name="files"/> that is a folder: the parser would only say it found no such file,
    /// which sends the operator looking for a typo instead of a missing file name.
    /// </summary>
    public static IReadOnlyList<ConfigException> Folders(IReadOnlyList<string> files) =>
        files.Where(Directory.Exists)
            .Select(folder => new ConfigException(ConfigOrigin.Unknown(folder), null, "is a folder, not a config file"))
            .ToList();

    private static T? Read<T>(Config config, Func<Config, T> create, List<ConfigException> errors)
        where T : class
    {
        try
        {
            return create(config);
        }
        catch (Exception e) when (e is ConfigException or ConfigErrorsException)
        {
            errors.AddRange(ConfigErrorsException.Of(e));
            return null;
        }
    }
}
