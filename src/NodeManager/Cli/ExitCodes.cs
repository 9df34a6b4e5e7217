namespace NodeManager.Cli;

/// <summary>Process exit codes of `nodemgr`, the same for every sub-command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A failure that has no code of its own.</summary>
    public const int Failure = 1;
    /// <summary>
    /// The operator's input is wrong: a usage error (unknown option, missing argument, a value out of range) or an invalid
    /// configuration, every error on stderr as FILE:LINE:COL: message. Running again unchanged will not help.
    /// </summary>
    public const int ConfigError = 2;
    /// <summary>The cloud refused authentication or its catalog lacked a service.</summary>
    public const int CloudError = 3;
}
