using System.Text;
using System.Text.Json;

namespace NodeManager.Management;

/// <summary>
/// The optional body of an operator action: <c>{"reason": "text"}</c>, and for bounds <c>"min"</c> and <c>"max"</c>
/// (integers). Read whatever the content type says (curl's <c>-d</c> sends a form type); other members are ignored.
/// </summary>
internal sealed record OperatorActionBody(string? Reason, int? Min, int? Max, string? Error)
{
    /// <summary>Longest reason kept: it is journaled with the action and shown in every listing.</summary>
    public const int MaxReasonLength = 500;

    private const int MaxBodyBytes = 16 * 1024;

    public static async Task<OperatorActionBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > MaxBodyBytes)
        {
            return Invalid($"The body is longer than {MaxBodyBytes} bytes.");
        }

        var text = new string(buffer, 0, read);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new OperatorActionBody(null, null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Invalid("The body must be a JSON object such as {\"reason\": \"maintenance\"}.");
            }

            var root = document.RootElement;
            string? reason = null;
            if (root.TryGetProperty("reason", out var r) && r.ValueKind != JsonValueKind.Null)
            {
                if (r.ValueKind != JsonValueKind.String)
                {
                    return Invalid("\"reason\" must be a string.");
                }

                reason = r.GetString()!.Trim();
                if (reason.Length > MaxReasonLength)
                {
                    return Invalid($"\"reason\" has at most {MaxReasonLength} characters.");
                }

                if (reason.Length == 0)
                {
                    reason = null;
                }
            }

            var (min, minError) = Integer(root, "min");
            var (max, maxError) = Integer(root, "max");
            var error = minError ?? maxError;
            return error is not null ? Invalid(error) : new OperatorActionBody(reason, min, max, null);
        }
        catch (JsonException)
        {
            return Invalid("The body is not JSON; send {\"reason\": \"…\"} (and \"min\", \"max\" for bounds) or nothing.");
        }
    }

    private static (int? Value, string? Error) Integer(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? (null, null)
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? (number, null)
        : (null, $"\"{name}\" must be an integer.");

    private static OperatorActionBody Invalid(string error) => new(null, null, null, error);
}
