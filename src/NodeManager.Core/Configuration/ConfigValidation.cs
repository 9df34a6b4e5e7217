using NodeManager.Hocon;
using NodeManager.Hocon.Validation;

namespace NodeManager.Core.Configuration;

/// <summary>
/// Everything <c>nodemgr config validate</c> checks, collected rather than stopping at the first fault: each file's
/// syntax, substitutions across the merged tree, every <c>node-manager</c> key against reference.conf (unknown
/// keys with a suggestion, types), the keys of other sections through the key validators the caller passes (the host
/// checks <c>akka.*</c> against Akka's own reference), then the ranges of every settings record through the validators
/// the caller passes (the host passes one that creates every settings record).
/// </summary>
public static class ConfigValidation
{
    public const string Root = "node-manager";

    public static IReadOnlyList<ConfigException> Validate(
        IReadOnlyList<string> files,
        IEnumerable<Func<Config, IEnumerable<ConfigException>>> validators,
        ConfigResolveOptions? options = null,
        IEnumerable<KeyValidator>? keyValidators = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(validators);
        var errors = new List<ConfigException>();
        var parsed = new List<Config>();
        foreach (var file in files)
        {
            try
            {
                parsed.Add(ConfigFactory.ParseFile(file));
            }
            catch (ConfigException e)
            {
                errors.Add(e);
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var written = parsed.Aggregate(ConfigFactory.Empty, (merged, next) => next.WithFallback(merged));
        Config effective;
        Config reference;
        try
        {
            reference = NodeManagerConfig.ParseReference();
            effective = written.WithFallback(reference).Resolve(options);
            reference = reference.Resolve(options);
        }
        catch (ConfigException e)
        {
            return [e];
        }
        errors.AddRange(ReferenceValidator.Validate(written, effective, reference, Root));
        foreach (var keys in keyValidators ?? [])
            errors.AddRange(keys(written, effective));
        foreach (var validator in validators)
        {
            try
            {
                errors.AddRange(validator(effective));
            }
            catch (ConfigException e)
            {
                errors.Add(e);
            }
        }
        // A bad value also trips the settings record that reads it: report each fault once.
        return errors.DistinctBy(e => (e.Origin, e.Path)).ToList();
    }
}

/// <summary>Checks the keys the operator <paramref name="written"/> (as merged into <paramref name="effective"/>) of a section.</summary>
public delegate IEnumerable<ConfigException> KeyValidator(Config written, Config effective);
