using NodeManager.Hocon;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;

namespace NodeManager.OpenStack.Diagnostics;

/// <summary>
/// What <c>nodemgr cloud check</c> prints: where the credentials came from, the token, the endpoint chosen for
/// each service, the project's absolute limits and usage (what <c>nova credentials</c> and
/// <c>nova absolute-limits</c> told operators), and, given the configuration, each profile's image, flavor, volume
/// type and networks as the cloud knows them (<see cref="ProfileCheck"/>). Never prints a secret.
/// </summary>
public static class CloudCheck
{
    /// <returns>True when the cloud checks pass and the cloud has every profile's image, flavor, volume type and network.</returns>
    /// <exception cref="ConfigException">a profile setting is malformed.</exception>
    public static async Task<bool> RunAsync(OpenStackClient client, Config config, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (!await RunAsync(client, output, error, ct).ConfigureAwait(false)) return false;

        ProfileCheckResult result;
        try
        {
            result = await ProfileCheck.RunAsync(client, config, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OpenStackException or CatalogException)
        {
            error.WriteLine($"checking the profiles failed: {e.Message}");
            return false;
        }

        output.WriteLine("profiles (image, flavor, volume type, networks):");
        foreach (var value in result.Checked)
            output.WriteLine($"  {value.Key} = \"{value.Value}\"  {(value.Found ? "found" : "MISSING")} ({string.Join(", ", value.Profiles)})");
        foreach (var problem in result.Problems)
            error.WriteLine(problem.Message);
        return result.Ok;
    }

    /// <returns>True when authentication, every required endpoint and the limits all worked.</returns>
    public static async Task<bool> RunAsync(OpenStackClient client, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        output.WriteLine($"credentials: {client.Credentials}");
        Identity.KeystoneToken token;
        try
        {
            token = await client.AuthenticateAsync(ct).ConfigureAwait(false);
        }
        catch (OpenStackException e)
        {
            error.WriteLine($"authentication failed: {e.Message}");
            return false;
        }
        output.WriteLine($"token: project {token.ProjectName ?? "?"} ({token.ProjectId ?? "?"}), user {token.UserId ?? "?"}, expires {token.ExpiresAt:u}");

        var ok = true;
        output.WriteLine("endpoints:");
        foreach (var (service, endpoint) in await client.EndpointsAsync(ct).ConfigureAwait(false))
        {
            // Neutron is asked only for the networks profiles name, so the profile check reports its absence when it matters.
            var required = service == ServiceKind.Dns.Name ? client.Settings.DnsEnabled : service != ServiceKind.Network.Name;
            if (endpoint.IsOk)
            {
                output.WriteLine($"  {service,-14} {endpoint.Value}");
                continue;
            }
            var why = service == ServiceKind.Dns.Name ? "dns is disabled" : "needed only when a profile names a network";
            output.WriteLine($"  {service,-14} {(required ? "MISSING" : $"not offered ({why})")}");
            if (!required) continue;
            error.WriteLine(endpoint.Error!.Message);
            ok = false;
        }
        if (!ok) return false;

        try
        {
            var compute = client.Compute.GetLimitsAsync(ct);
            var volume = client.BlockStorage.GetLimitsAsync(ct);
            var (c, v) = (await compute.ConfigureAwait(false), await volume.ConfigureAwait(false));
            output.WriteLine("absolute limits (used / max; -1 = unlimited):");
            output.WriteLine($"  instances      {c.InstancesUsed} / {c.MaxInstances}");
            output.WriteLine($"  cores          {c.CoresUsed} / {c.MaxCores}");
            output.WriteLine($"  ram (MiB)      {c.RamUsedMiB} / {c.MaxRamMiB}");
            output.WriteLine($"  volumes        {v.VolumesUsed} / {v.MaxVolumes}");
            output.WriteLine($"  gigabytes      {v.GigabytesUsed} / {v.MaxGigabytes}");
        }
        catch (OpenStackException e)
        {
            error.WriteLine($"reading limits failed: {e.Message}");
            return false;
        }
        return true;
    }
}
