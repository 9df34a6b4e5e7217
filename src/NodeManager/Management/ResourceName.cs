using Microsoft.AspNetCore.Http.HttpResults;

namespace NodeManager.Management;

/// <summary>
/// What a district, node or state name in a URL may look like: host-name characters plus the underscore of
/// server names (<c>node_3</c>). Anything else is a client error, answered before the controller is asked.
/// </summary>
internal static class ResourceName
{
    public const int MaxLength = 253;

    public static ProblemHttpResult? Validate(string name, string what)
    {
        if (name.Length is 0 or > MaxLength)
        {
            return Problems.InvalidName(what, $"A {what} name has 1 to {MaxLength} characters.");
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return Problems.InvalidName(what, $"A {what} name has only letters, digits, '-', '_' and '.'.");
            }
        }

        return null;
    }
}
