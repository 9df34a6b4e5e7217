namespace NodeManager.Cli.Endpoint;

/// <summary>
/// The management endpoint could not be reached or refused a request: <see cref="Exception.Message"/> is the one line the
/// operator reads on stderr (the problem's title and detail, or why nothing answered), never carrying the token;
/// <see cref="ExitCode"/> is what the process ends with.
/// </summary>
public sealed class EndpointException(int exitCode, string message, int? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The HTTP status the endpoint answered; null when nothing answered.</summary>
    public int? Status { get; } = status;

    /// <summary>
    /// The exit code of an error answer: 400 is the operator's input (2), 401 and 403 a refused token (3), anything else
    /// (404, 409, 5xx) a refusal worth reading (1).
    /// </summary>
    public static int ExitCodeOf(int status) => status switch
    {
        400 => ExitCodes.ConfigError,
        401 or 403 => ExitCodes.AuthenticationRefused,
        _ => ExitCodes.Failure,
    };
}
