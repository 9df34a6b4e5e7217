using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>The three error envelopes the real services use.</summary>
internal enum ErrorStyle { Nova, Keystone, Designate, Neutron }

internal static class ErrorBodies
{
    public static IResult Render(ErrorStyle style, int status, string message, int? retryAfterSeconds, HttpContext http)
    {
        if (retryAfterSeconds is { } after)
            http.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
        JsonObject body = style switch
        {
            ErrorStyle.Keystone => new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = message, ["code"] = status, ["title"] = Title(status) },
            },
            ErrorStyle.Designate => new JsonObject
            {
                ["code"] = status, ["type"] = DesignateType(status), ["message"] = message,
                ["request_id"] = http.Response.Headers["x-openstack-request-id"].ToString(),
            },
            ErrorStyle.Neutron => new JsonObject
            {
                ["NeutronError"] = new JsonObject { ["type"] = NeutronType(status), ["message"] = message, ["detail"] = "" },
            },
            _ => Nova(status, message, retryAfterSeconds),
        };
        return SimHttp.Json(body, status);
    }

    public static JsonObject Nova(int status, string message, int? retryAfterSeconds)
    {
        var inner = new JsonObject { ["code"] = status, ["message"] = message };
        if (retryAfterSeconds is { } after && status is 413 or 429)
            inner["retryAfter"] = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject { [new SimFaultException(status, message).FaultName] = inner };
    }

    /// <summary>The message an injected fault answers with.</summary>
    public static string InjectedMessage(int status) => status switch
    {
        429 or 413 => "This request was rate-limited.",
        503 => "Service Unavailable (injected by the simulator)",
        >= 500 => "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.",
        404 => "The resource could not be found.",
        409 => "There was a conflict when trying to complete your request.",
        _ => "Bad request (injected by the simulator)",
    };

    /// <summary>The exception class Neutron names in <c>NeutronError.type</c>; the simulator serves only networks.</summary>
    private static string NeutronType(int status) => status switch
    {
        404 => "NetworkNotFound",
        409 => "Conflict",
        429 => "OverQuota",
        >= 500 => "HTTPInternalServerError",
        _ => "BadRequest",
    };

    public const string Unauthenticated = "The request you have made requires authentication.";

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };

    private static string DesignateType(int status) => status switch
    {
        400 => "invalid_object",
        404 => "not_found",
        409 => "duplicate",
        429 => "over_quota",
        _ => "service_unavailable",
    };
}
