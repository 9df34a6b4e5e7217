using System.Text.Json.Nodes;
using NodeManager.OpenStack.Credentials;

namespace NodeManager.OpenStack.Identity;

/// <summary>Builds the <c>POST /v3/auth/tokens</c> body, shaped like Keystone's api-ref samples.</summary>
public static class KeystoneAuthRequest
{
    public static JsonObject Build(OpenStackCredentials c)
    {
        if (c.UsesApplicationCredential)
        {
            return new JsonObject
            {
                ["auth"] = new JsonObject
                {
                    ["identity"] = new JsonObject
                    {
                        ["methods"] = new JsonArray("application_credential"),
                        ["application_credential"] = new JsonObject { ["id"] = c.ApplicationCredentialId, ["secret"] = c.ApplicationCredentialSecret },
                    },
                },
            };
        }
        var user = c.UserId is { Length: > 0 }
            ? new JsonObject { ["id"] = c.UserId }
            : new JsonObject { ["name"] = c.Username, ["domain"] = Domain(c.UserDomainId, c.UserDomainName) };
        user["password"] = c.Password;
        var project = c.ProjectId is { Length: > 0 }
            ? new JsonObject { ["id"] = c.ProjectId }
            : new JsonObject { ["domain"] = Domain(c.ProjectDomainId, c.ProjectDomainName), ["name"] = c.ProjectName };
        return new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = user },
                },
                ["scope"] = new JsonObject { ["project"] = project },
            },
        };
    }

    /// <summary>Keystone needs a domain with a name; "default" is the id of the domain every deployment has.</summary>
    private static JsonObject Domain(string? id, string? name) =>
        id is { Length: > 0 } ? new JsonObject { ["id"] = id }
        : name is { Length: > 0 } ? new JsonObject { ["name"] = name }
        : new JsonObject { ["id"] = "default" };

    /// <summary>Where to POST: accepts auth URLs with or without <c>/v3</c> (and the older <c>/v2.0</c>).</summary>
    public static string TokensUrl(string authUrl)
    {
        var url = authUrl.TrimEnd('/');
        if (url.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase)) url = url[..^"/v2.0".Length] + "/v3";
        else if (!url.EndsWith("/v3", StringComparison.OrdinalIgnoreCase)) url += "/v3";
        return url + "/auth/tokens";
    }
}
