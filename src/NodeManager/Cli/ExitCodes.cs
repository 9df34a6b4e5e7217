namespace NodeManager.Cli;

/// <summary>Process exit codes of `nodemgr`, the same for every sub-command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>
    /// A failure that has no code of its own; for the management endpoint's clients: the endpoint cannot be reached, or it
    /// refused the request for a reason other than the input or the token (404, 409, 5xx).
    /// </summary>
    public const int Failure = 1;
    /// <summary>
    /// The operator's input is wrong: a usage error (unknown option, missing argument, a value out of range), an invalid
    /// configuration, every error on stderr as FILE:LINE:COL: message, or a request the management endpoint answered 400.
    /// Running again unchanged will not help.
    /// </summary>
    public const int ConfigError = 2;
    /// <summary>
    /// Authentication was refused: by the cloud (`cloud check`; there also a catalog that lacks a service) or by the
    /// management endpoint (401 or 403: a token missing, unknown, or tokens not configured there). Both names are 3.
    /// </summary>
    public const int AuthenticationRefused = 3;
    /// <summary>The cloud refused authentication or its catalog lacked a service: <see cref="AuthenticationRefused"/>.</summary>
    public const int CloudError = AuthenticationRefused;
}
