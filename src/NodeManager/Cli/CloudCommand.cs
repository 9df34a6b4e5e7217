using System.CommandLine;
using NodeManager.Core.Configuration;
using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.OpenStack;
using NodeManager.OpenStack.Credentials;
using NodeManager.OpenStack.Diagnostics;
using NodeManager.OpenStack.Errors;

namespace NodeManager.Cli;

/// <summary>
/// `nodemgr cloud check [--config FILE…]`: authenticates with the configured credentials (precedence in
/// reference.conf, node-manager.openstack), prints the endpoints chosen, the absolute limits and usage, and whether the
/// cloud has each profile's image, flavor, volume type and networks.
/// Exit 0; 2 for a configuration or credentials problem; 3 when the cloud refuses authentication, the catalog
/// lacks a service, the limits cannot be read (the cloud's message on stderr), or the cloud lacks a profile's image,
/// flavor, volume type or network (one line each on stderr: file:line:col, key, profile, and what the cloud has instead).
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
        var check = new Command("check",
            "Authenticates, prints the endpoints chosen, the project's absolute limits and usage, and checks each profile's image, flavor, volume type and networks.")
        {
            config,
        };
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
        Config root;
        try
        {
            root = files.Length == 0 ? NodeManagerConfig.Reference : NodeManagerConfig.Load(files);
            var settings = OpenStackSettings.Create(root);
            client = OpenStackClient.Create(settings, CredentialResolver.ForProcess().Resolve(settings));
        }
        catch (Exception e) when (e is ConfigException or ConfigErrorsException or CredentialsException)
        {
            // Each configuration fault on its own line, like `config validate`; a credentials problem is one line.
            foreach (var message in e is CredentialsException ? [e.Message] : ConfigErrorsException.Of(e).Select(f => f.Message))
            {
                await error.WriteLineAsync($"nodemgr cloud check: {message}");
            }

            return ExitCodes.ConfigError;
        }
        using (client)
        {
            try
            {
                return await CloudCheck.RunAsync(client, root, output, error, ct) ? ExitCodes.Success : ExitCodes.CloudError;
            }
            catch (ConfigException e)
            {
                await error.WriteLineAsync($"nodemgr cloud check: {e.Message}");
                return ExitCodes.ConfigError;
            }
        }
    }
}
