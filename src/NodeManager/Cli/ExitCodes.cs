namespace NodeManager.Cli;

/// <summary>Process exit codes of `nodemgr`, the same for every sub-command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A failure that has no code of its own.</summary>
    public const int Failure = 1;
    /// <summary>The configuration is invalid; every error is on stderr as FILE:LINE:COL: message.</summary>
    public const int ConfigError = 2;
    /// <summary>The cloud refused authentication or its catalog lacked a service.</summary>
    public const int CloudError = 3;
}
