using System.CommandLine;
using System.Text.RegularExpressions;
using NodeManager.Cli;
using NodeManager.Core.Configuration;
using NodeManager.Hocon;
using NodeManager.Hosting;
using NodeManager.OpenStack;
using NodeManager.OpenStack.Credentials;

namespace NodeManager.Tests.Configuration;

/// <summary>
/// The files of <c>deploy/examples</c> do what their comments say: every <c>nodemgr</c> command they give parses as
/// written and passes the checks it runs, with the environment variables the file says to set (stand-in values from
/// the spec, never the developer's environment).
/// </summary>
public sealed partial class DeployExamplesSpec : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nodemgr-examples-");

    /// <summary>Each example and the variables its comments tell the operator to set.</summary>
    public static TheoryData<string, Dictionary<string, string>> Examples => new()
    {
        {
            "cluster-member-postgresql.conf",
            new() { ["NODEMANAGER_POSTGRES_PASSWORD"] = "pg-stand-in", ["OS_APPLICATION_CREDENTIAL_SECRET"] = "app-stand-in" }
        },
        { "single-host-sqlite.conf", new() },
    };

    [Fact]
    public void Every_example_must_be_covered()
    {
        var shipped = Directory.GetFiles(ExamplesFolder, "*.conf").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Examples.Select(row => (string)row[0]).Order(StringComparer.Ordinal), shipped);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_command_an_example_gives_must_work_as_written(string example, Dictionary<string, string> variables)
    {
        var path = Path.Combine(ExamplesFolder, example);
        var environment = ConfigResolveOptions.WithEnvironment(variables);
        var commands = NodemgrCommand().Matches(File.ReadAllText(path)).Select(m => m.Value).ToList();
        Assert.NotEmpty(commands);

        foreach (var command in commands)
        {
            // The comments name the file as it lies beside them.
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(a => a == example ? path : a).ToArray();
            var parse = NodemgrCli.Build().Parse(args);
            Assert.True(parse.Errors.Count == 0, $"`{command}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");

            var output = new StringWriter();
            var error = new StringWriter();
            var code = parse.CommandResult.Command.Name switch
            {
                "validate" => ConfigCommandRunner.Validate(parse.GetRequiredValue<string[]>("FILE"), output, error, environment),
                // What `run` checks before it starts anything; starting would reach the database and the cloud the file names.
                "run" => Report(HostConfiguration.ValidateFiles(parse.GetRequiredValue<string[]>("--config"), environment), error),
                var other => throw new InvalidOperationException($"`{command}`: no check for `{other}`"),
            };
            Assert.True(code == ExitCodes.Success, $"`{command}` exits {code}:\n{error}");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_variable_an_example_names_must_reach_its_configuration(string example, Dictionary<string, string> variables)
    {
        var config = NodeManagerConfig.Load([Path.Combine(ExamplesFolder, example)], ConfigResolveOptions.WithEnvironment(variables));
        var values = config.AsEnumerable().Select(leaf => leaf.Value).OfType<ConfigScalar>().Select(s => s.Text).ToList();

        Assert.All(variables, variable => Assert.Contains(values, v => v.Contains(variable.Value, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_single_host_example_must_take_its_credentials_from_the_cloud_it_names_in_clouds_yaml()
    {
        var workingDirectory = _directory.CreateSubdirectory("var-lib-nodemanager").FullName;
        File.WriteAllText(Path.Combine(workingDirectory, "clouds.yaml"), """
            clouds:
              production:
                auth:
                  auth_url: https://keystone.example.com:5000/v3
                  application_credential_id: app-id
                  application_credential_secret: yaml-stand-in
            """);
        // OS_* variables set beside it are not mixed into a cloud the file names.
        var environment = new Dictionary<string, string> { ["OS_AUTH_URL"] = "https://elsewhere.example.com/v3", ["OS_PASSWORD"] = "rc-stand-in" };
        var config = NodeManagerConfig.Load(
            [Path.Combine(ExamplesFolder, "single-host-sqlite.conf")], ConfigResolveOptions.WithEnvironment(environment));
        var resolver = new CredentialResolver(environment.GetValueOrDefault, workingDirectory, _directory.CreateSubdirectory("home").FullName);

        var credentials = resolver.Resolve(OpenStackSettings.Create(config));

        Assert.Equal("https://keystone.example.com:5000/v3", credentials.AuthUrl);
        Assert.Equal("RegionOne", credentials.RegionName);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string ExamplesFolder => Path.Combine(AppContext.BaseDirectory, "deploy", "examples");

    private static int Report(IReadOnlyList<ConfigException> errors, TextWriter error)
    {
        foreach (var e in errors)
        {
            error.WriteLine(e.Message);
        }

        return errors.Count == 0 ? ExitCodes.Success : ExitCodes.ConfigError;
    }

    [GeneratedRegex(@"nodemgr(?: [\w./-]+)+")]
    private static partial Regex NodemgrCommand();
}
