using NodeManager.OpenStack.Credentials;
using NodeManager.OpenStack.Errors;

namespace NodeManager.OpenStack.Tests;

public sealed class CredentialsSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nm-os-creds").FullName;
    private readonly Dictionary<string, string> _env = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Cwd => Path.Combine(_dir, "cwd");
    private string Home => Path.Combine(_dir, "home");

    private CredentialResolver Resolver()
    {
        Directory.CreateDirectory(Cwd);
        Directory.CreateDirectory(Home);
        return new CredentialResolver(k => _env.GetValueOrDefault(k), Cwd, Home);
    }

    private void WriteCloudsYaml(string path, string cloud = "prod", string user = "yaml-user")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            clouds:
              {cloud}:
                auth:
                  auth_url: https://keystone.example.com:5000/v3
                  username: {user}
                  password: yaml-secret
                  project_name: nodes
                  user_domain_name: Default
                  project_domain_name: Default
                region_name: RegionTwo
                interface: internal
              other:
                auth:
                  auth_url: https://other.example.com/v3
                  application_credential_id: app-id
                  application_credential_secret: app-secret
            """);
    }

    private void SetOpenRc()
    {
        _env["OS_AUTH_URL"] = "https://rc.example.com:5000/v3";
        _env["OS_USERNAME"] = "rc-user";
        _env["OS_PASSWORD"] = "rc-secret";
        _env["OS_TENANT_NAME"] = "legacy-project";
        _env["OS_REGION_NAME"] = "RegionRc";
        _env["OS_INTERFACE"] = "internalURL";
        _env["OS_CACERT"] = "/etc/ssl/rc.pem";
    }

    [Fact]
    public void Openrc_variables_must_be_read_including_the_older_tenant_names_and_interface_spellings()
    {
        SetOpenRc();
        var c = Resolver().Resolve(new OpenStackSettings());
        Assert.Equal(("https://rc.example.com:5000/v3", "rc-user", "rc-secret", "legacy-project"), (c.AuthUrl, c.Username, c.Password, c.ProjectName));
        Assert.Equal(("RegionRc", "internal", "/etc/ssl/rc.pem"), (c.RegionName, c.Interface, c.CaCertFile));
        Assert.Equal("OS_* environment variables", c.Source);
        Assert.DoesNotContain("rc-secret", c.ToString());
    }

    [Fact]
    public void OS_CLOUD_must_pick_a_cloud_from_the_clouds_yaml_of_the_working_directory_before_the_users()
    {
        WriteCloudsYaml(Path.Combine(Cwd, "clouds.yaml"), user: "cwd-user");
        WriteCloudsYaml(Path.Combine(Home, ".config", "openstack", "clouds.yaml"), user: "home-user");
        _env["OS_CLOUD"] = "prod";
        SetOpenRc();
        var c = Resolver().Resolve(new OpenStackSettings());
        Assert.Equal(("cwd-user", "RegionTwo", "internal"), (c.Username, c.RegionName, c.Interface));
        Assert.Contains("cloud 'prod'", c.Source);
        // Sources are never mixed: nothing from the openrc variables leaks in.
        Assert.Null(c.CaCertFile);
    }

    [Fact]
    public void The_users_clouds_yaml_must_be_found_when_the_working_directory_has_none()
    {
        WriteCloudsYaml(Path.Combine(Home, ".config", "openstack", "clouds.yaml"), user: "home-user");
        var c = Resolver().Resolve(new OpenStackSettings { Cloud = "prod" });
        Assert.Equal("home-user", c.Username);
    }

    [Fact]
    public void Configured_cloud_must_win_over_OS_CLOUD_and_application_credentials_must_be_read()
    {
        WriteCloudsYaml(Path.Combine(Cwd, "clouds.yaml"));
        _env["OS_CLOUD"] = "prod";
        var c = Resolver().Resolve(new OpenStackSettings { Cloud = "other" });
        Assert.True(c.UsesApplicationCredential);
        Assert.Equal(("app-id", "app-secret"), (c.ApplicationCredentialId, c.ApplicationCredentialSecret));
    }

    [Fact]
    public void Hocon_auth_block_must_win_over_the_environment_and_hocon_region_must_override_the_source()
    {
        SetOpenRc();
        _env["OS_CLOUD"] = "prod";
        var settings = new OpenStackSettings
        {
            Auth = new OpenStackCredentials { AuthUrl = "https://hocon.example.com/v3", Username = "h", Password = "p", ProjectId = "pid" },
            Region = "RegionHocon",
        };
        var c = Resolver().Resolve(settings);
        Assert.Equal(("https://hocon.example.com/v3", "h", "RegionHocon"), (c.AuthUrl, c.Username, c.RegionName));
        Assert.Equal("HOCON node-manager.openstack.auth", c.Source);
    }

    [Fact]
    public void Unknown_cloud_must_name_the_clouds_the_file_has()
    {
        WriteCloudsYaml(Path.Combine(Cwd, "clouds.yaml"));
        var e = Assert.Throws<CredentialsException>(() => Resolver().Resolve(new OpenStackSettings { Cloud = "staging" }));
        Assert.Contains("no cloud named 'staging'", e.Message);
        Assert.Contains("prod, other", e.Message);
    }

    [Fact]
    public void Missing_clouds_yaml_must_name_every_place_searched()
    {
        var e = Assert.Throws<CredentialsException>(() => Resolver().Resolve(new OpenStackSettings { Cloud = "prod" }));
        Assert.Contains(Path.Combine(Cwd, "clouds.yaml"), e.Message);
        Assert.Contains("/etc/openstack/clouds.yaml", e.Message);
    }

    [Fact]
    public void No_source_at_all_must_say_what_to_set()
    {
        var e = Assert.Throws<CredentialsException>(() => Resolver().Resolve(new OpenStackSettings()));
        Assert.Contains("OS_CLOUD", e.Message);
        Assert.Contains("node-manager.openstack.cloud", e.Message);
    }

    [Fact]
    public void Incomplete_openrc_must_name_what_is_missing()
    {
        _env["OS_AUTH_URL"] = "https://rc.example.com/v3";
        _env["OS_USERNAME"] = "u";
        _env["OS_PROJECT_NAME"] = "p";
        var e = Assert.Throws<CredentialsException>(() => Resolver().Resolve(new OpenStackSettings()));
        Assert.Contains("lack a password", e.Message);
    }
}
