using NodeManager.Core.Events;
using NodeManager.Core.Status;

namespace NodeManager.Management;

/// <summary>
/// Last line of defence for "secrets never in any response": every free-text field the controller hands out
/// (errors, reasons, condition messages — often a cloud's own words) is scrubbed of the configured secret values
/// before it is serialized. Values shorter than <see cref="MinimumSecretLength"/> are ignored: replacing "x"
/// everywhere would hide more than it protects.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";
    public const int MinimumSecretLength = 4;

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole.
        _secrets = secrets
            .Where(s => s.Length >= MinimumSecretLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    public static SecretRedactor None { get; } = new([]);

    public string? Redact(string? text)
    {
        if (text is null || _secrets.Length == 0)
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    public DecisionStatus Redact(DecisionStatus decision) => decision with { Reason = Redact(decision.Reason)! };

    public DistrictStatus Redact(DistrictStatus district) => district with
    {
        LastDecision = district.LastDecision is { } decision ? Redact(decision) : null,
        Conditions = district.Conditions.Select(c => c with { Message = Redact(c.Message)! }).ToList(),
        Overrides = district.Overrides?.Select(o => o with { Reason = Redact(o.Reason) }).ToList(),
    };

    public FeedEvent Redact(FeedEvent e) => e with { Message = Redact(e.Message)! };

    public NodeStatus Redact(NodeStatus node) => node with
    {
        LastError = Redact(node.LastError),
        History = node.History.Select(h => h with { Detail = Redact(h.Detail) }).ToList(),
    };
}
