using System.Text.Json;

namespace NodeManager.Cli.Endpoint;

/// <summary>A 2xx answer of the management endpoint: its status and its body as sent (the token blanked), readable as a body record.</summary>
public sealed record EndpointAnswer(int Status, string Body)
{
    /// <summary>The management API's JSON: camelCase names, enums and timestamps as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="EndpointException">The body is not the JSON shape expected (an endpoint of another version).</exception>
    public T Read<T>(string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Body, Json)
                ?? throw new JsonException("the body is null");
        }
        catch (JsonException e)
        {
            throw new EndpointException(ExitCodes.Failure, $"the endpoint's answer is not {what} as this nodemgr reads it: {e.Message}", inner: e);
        }
    }
}
