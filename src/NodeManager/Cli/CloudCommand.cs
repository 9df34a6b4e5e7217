using System.CommandLine;
using NodeManager.Core.Configuration;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.OpenStack;
using NodeManager.OpenStack.Credentials;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Errors;

namespace NodeManager.Cli;

/// <summary>
/// `nodemgr cloud check [--config FILE…]`: authenticates with the configured credentials (precedence in
/// reference.conf, node-manager.openstack), prints the endpoints chosen and the absolute limits and usage.
/// Exit 0; 2 for a configuration or credentials problem; 3 when the cloud refuses authentication, the catalog
/// lacks a service, or the limits cannot be read (the cloud's message on stderr).
/// </summary>
public static class CloudCommand
{
    public static Command Create()
    {
        var config = new Option<string[]>("--config", "-c")
        {
            Description = "HOCON file(s) laid over the embedded reference.conf; later files override earlier ones.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var check = new Command("check", "Authenticates, prints the endpoints chosen and the project's absolute limits and usage.") { config };
        check.SetAction((parse, ct) => CheckAsync(parse.GetValue(config) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return new Command("cloud", "Checks the configured OpenStack cloud.") { check };
    }

    private static async Task<int> CheckAsync(string[] files, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (HostConfiguration.Folders(files) is { Count: > 0 } folders)
        {
            foreach (var folder in folders)
            {
                await error.WriteLineAsync($"nodemgr cloud check: {folder.Message}");
            }

            return ExitCodes.ConfigError;
        }

        OpenStackClient client;
        try
        {
            var root = files.Length == 0 ? NodeManagerConfig.Reference : NodeManagerConfig.Load(files);
            var settings = OpenStackSettings.Create(root);
            client = OpenStackClient.Create(settings, CredentialResolver.ForProcess().Resolve(settings));
        }
        catch (Exception e) when (e is ConfigException or CredentialsException)
        {
            await error.WriteLineAsync($"nodemgr cloud check: {e.Message}");
            return ExitCodes.ConfigError;
        }
        using (client)
        {
            return await CloudCheck.RunAsync(client, output, error, ct) ? ExitCodes.Success : ExitCodes.CloudError;
        }
    }
}
