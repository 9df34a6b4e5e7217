using NodeManager.Cli;

namespace NodeManager.Tests.Cli;

public sealed class EndpointOptionsSpec : IDisposable
{
    private readonly TempConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:9001/")]
    [InlineData("0.0.0.0", "http://127.0.0.1:9001/")]
    [InlineData("localhost", "http://127.0.0.1:9001/")]
    [InlineData("::", "http://[::1]:9001/")]
    [InlineData("10.1.2.3", "http://10.1.2.3:9001/")]
    public void The_config_must_name_the_endpoint_a_client_on_the_same_host_reaches(string hostname, string expected)
    {
        var file = _files.Write("m.conf", $"node-manager.management {{ hostname = \"{hostname}\", port = 9001 }}");

        var (endpoint, errors) = EndpointOptions.FromConfig([file], CliEnvironment.Of(new Dictionary<string, string>()));

        Assert.Empty(errors);
        Assert.Equal(new Uri(expected), endpoint);
    }

    [Fact]
    public void The_port_may_come_from_a_variable_of_the_given_environment()
    {
        var file = _files.Write("m.conf", "node-manager.management.port = ${?NM_MANAGEMENT_PORT}");

        var (endpoint, _) = EndpointOptions.FromConfig([file], CliEnvironment.Of(new Dictionary<string, string> { ["NM_MANAGEMENT_PORT"] = "9100" }));

        Assert.Equal(new Uri("http://127.0.0.1:9100/"), endpoint);
    }

    [Theory]
    [InlineData("node-manager.management.port = 0", "port is 0")]
    [InlineData("node-manager.management.enabled = off", "enabled is off")]
    [InlineData("node-manager.management.port = 70000", "m.conf:1")]
    public void A_config_that_names_no_reachable_endpoint_must_say_why(string text, string expected)
    {
        var file = _files.Write("m.conf", text);

        var (endpoint, errors) = EndpointOptions.FromConfig([file], CliEnvironment.Of(new Dictionary<string, string>()));

        Assert.Null(endpoint);
        Assert.Contains(expected, Assert.Single(errors));
    }

    [Fact]
    public async Task A_config_error_must_exit_2_naming_the_file()
    {
        var file = _files.Write("m.conf", "node-manager.management.port = 70000");
        var cli = new OperatorCli();

        var code = await cli.RunAsync("status", "--config", file);

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.StartsWith($"nodemgr status: {file}:1", cli.Err.ToString());
    }
}
