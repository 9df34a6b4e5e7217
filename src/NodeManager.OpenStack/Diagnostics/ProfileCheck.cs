using NodeManager.Core.Profiles;
using NodeManager.Hocon;
using NodeManager.OpenStack.BlockStorage;
using NodeManager.OpenStack.Compute;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Networking;

namespace NodeManager.OpenStack.Diagnostics;

/// <summary>
/// Looks up each profile's image, flavor, networks and (when its volume is on) volume type in the cloud, the way a launch
/// resolves them, so that a name the cloud does not have stops <c>nodemgr run</c> and fails <c>nodemgr cloud check</c> instead of
/// failing every launch. Checked: <c>default</c> and every profile named under <c>node-manager.profiles</c>. A value is
/// looked up once, under the key that sets it; <c>default</c>'s empty image or flavor is not an error (it then serves
/// no district), a named profile's is. A network is found by uuid or by name; a name several networks share is an error
/// too (Nova could not tell which is meant); Nova's own <c>auto</c> and <c>none</c> are not looked up.
/// </summary>
public static class ProfileCheck
{
    private const string Default = "default";
    private static readonly string[] Root = ["node-manager", "profiles"];

    /// <summary>Reads the profiles from <paramref name="config"/> (the resolved root) and asks the cloud; calls Glance, Nova, Cinder and Neutron.</summary>
    /// <exception cref="ConfigException">a profile setting is malformed.</exception>
    /// <exception cref="OpenStackException">the cloud could not be asked (authentication, an outage); nothing was concluded.</exception>
    /// <exception cref="CatalogException">the catalog lacks the image, compute, block-storage or (for a profile naming a network) network service.</exception>
    public static async Task<ProfileCheckResult> RunAsync(OpenStackClient client, Config config, CancellationToken ct = default)
    {
        var (lookups, problems) = Collect(config);
        var checkedValues = new List<ProfileValue>();
        // Each kind is listed once, and the images only when one is missing: a cloud may hold thousands.
        IReadOnlyCollection<string>? imageNames = null;
        IReadOnlyList<Flavor>? flavors = null;
        IReadOnlyList<VolumeType>? types = null;
        IReadOnlyCollection<string>? networkNames = null;
        foreach (var lookup in lookups)
        {
            bool found;
            IReadOnlyCollection<string> names;
            switch (lookup.What)
            {
                case "network":
                    var networks = await client.Networks.FindAsync(lookup.Value, ct).ConfigureAwait(false);
                    if (networks.Count > 1)
                    {
                        checkedValues.Add(new ProfileValue(lookup.Key, lookup.What, lookup.Value, lookup.Profiles, false));
                        problems.Add(new ConfigException(config.GetOrigin(lookup.Key), lookup.Key, Ambiguous(lookup, networks)));
                        continue;
                    }

                    found = networks.Count == 1;
                    names = found ? [] : networkNames ??= [.. (await client.Networks.ListNetworksAsync(null, ct).ConfigureAwait(false)).Select(n => n.Name)];
                    break;
                case "image":
                    found = await HasImageAsync(client, lookup.Value, ct).ConfigureAwait(false);
                    names = found ? [] : imageNames ??= await ListImageNamesAsync(client, ct).ConfigureAwait(false);
                    break;
                case "flavor":
                    flavors ??= await client.Compute.ListFlavorsAsync(ct).ConfigureAwait(false);
                    found = NovaClient.FindFlavor(flavors, lookup.Value)?.Id is not null;
                    names = [.. flavors.Select(f => f.Name)];
                    break;
                default:
                    types ??= await client.BlockStorage.ListVolumeTypesAsync(ct).ConfigureAwait(false);
                    found = CinderClient.FindVolumeType(types, lookup.Value) is not null;
                    names = [.. types.Select(t => t.Name)];
                    break;
            }

            checkedValues.Add(new ProfileValue(lookup.Key, lookup.What, lookup.Value, lookup.Profiles, found));
            if (!found)
                problems.Add(new ConfigException(config.GetOrigin(lookup.Key), lookup.Key, Missing(lookup, names)));
        }

        return new ProfileCheckResult(checkedValues, problems);
    }

    private static string Missing(Lookup lookup, IReadOnlyCollection<string> names)
    {
        var detail = $"{Who(lookup)}: the cloud has no {lookup.What} named or with id \"{lookup.Value}\"";
        if (NameSuggestions.DidYouMean(lookup.Value, names) is { } close)
            detail += $"; did you mean \"{close}\"?";
        return detail + (names.Count == 0 ? $" (it offers no {lookup.What}s)" : $" (it has: {NameSuggestions.Nearest(lookup.Value, names)})");
    }

    private static string Ambiguous(Lookup lookup, IReadOnlyList<NeutronNetwork> networks) =>
        $"{Who(lookup)}: the cloud has {networks.Count} {lookup.What}s named \"{lookup.Value}\" " +
        $"({string.Join(", ", networks.Select(n => n.Id))}); name one by its id";

    private static string Who(Lookup lookup) =>
        lookup.Profiles.Count == 1 ? $"profile {lookup.Profiles[0]}" : $"profiles {string.Join(", ", lookup.Profiles)}";

    /// <summary>The values to look up, each under the key that sets it, and the named profiles that leave one unset.</summary>
    private static (List<Lookup> Lookups, List<ConfigException> Problems) Collect(Config config)
    {
        var profiles = ProfilesSettings.Create(config);
        var lookups = new List<Lookup>();
        var problems = new List<ConfigException>();
        foreach (var name in profiles.Names.Where(n => n != Default).Order(StringComparer.Ordinal).Prepend(Default))
        {
            var profile = profiles.For(name);
            Add(name, "image", "image", profile.Image);
            Add(name, "flavor", "flavor", profile.Flavor);
            if (profile.Volume is { Enabled: true, Type: { Length: > 0 } type })
                Add(name, "volume.type", "volume type", type);
            // Nova's "auto" and "none" ask Nova to choose (or attach nothing): no network to look up.
            if (profile.Networks is not (["auto"] or ["none"]))
                foreach (var network in profile.Networks.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
                    Add(name, "networks", "network", network);
        }

        return (lookups, problems);

        void Add(string profile, string field, string what, string value)
        {
            var own = Key(profile, field);
            var setHere = profile == Default || config.HasPath(own);
            if (value.Length == 0)
            {
                // Only a profile a district can be given must name what to build from; an empty default is no template.
                if (profile != Default)
                    problems.Add(new ConfigException(config.GetOrigin(own) ?? config.GetOrigin(ConfigPath.Join([.. Root, profile])), own,
                        $"profile {profile} has no {what}: set it here or in {Key(Default, field)}"));
                return;
            }

            var key = setHere ? own : Key(Default, field);
            if (lookups.FirstOrDefault(l => l.Key == key && l.Value == value) is { } known)
                known.Profiles.Add(profile);
            else
                lookups.Add(new Lookup(key, what, value, [profile]));
        }
    }

    private static string Key(string profile, string field) => ConfigPath.Join([.. Root, profile, .. field.Split('.')]);

    /// <summary>As a launch resolves it: an image of that name, else an image with that id.</summary>
    private static async Task<bool> HasImageAsync(OpenStackClient client, string nameOrId, CancellationToken ct)
    {
        try
        {
            await client.Images.ResolveAsync(nameOrId, ct).ConfigureAwait(false);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static async Task<IReadOnlyCollection<string>> ListImageNamesAsync(OpenStackClient client, CancellationToken ct) =>
        [.. (await client.Images.ListImagesAsync(null, ct).ConfigureAwait(false)).Select(i => i.Name)];

    private sealed record Lookup(string Key, string What, string Value, List<string> Profiles);
}
