using System.Text.RegularExpressions;

namespace NodeManager.Tests.Support;

/// <summary>
/// The real <c>nodemgr</c> (the <c>nodemgr.dll</c> built beside the tests, run with <c>dotnet</c>) as a child process,
/// with its output captured; see <see cref="ChildProcess"/> for signals, waits and clean-up.
/// </summary>
internal sealed partial class NodemgrProcess : ChildProcess
{
    private NodemgrProcess(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
        : base("dotnet", [Dll, .. args], workingDirectory, environment)
    {
    }

    /// <summary>The built <c>nodemgr.dll</c>; <c>dotnet</c> runs it in its own process, so the PID is nodemgr's.</summary>
    public static string Dll => Path.Combine(AppDirectory, "nodemgr.dll");

    /// <summary>Where <c>nodemgr.dll</c> is: beside the tests, or where a harness outside them (the benchmarks) built it.</summary>
    public static string AppDirectory { get; set; } = AppContext.BaseDirectory;

    public static NodemgrProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, null, args);

    /// <summary>As <see cref="Start(string, string[])"/>, with variables set in the child's environment (e.g. a connection string).</summary>
    public static NodemgrProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(workingDirectory, environment, args);

    /// <summary>Completes with the management endpoint's address once the log names it (`nodemgr run`).</summary>
    public Task<Uri> Management => UrlAnnouncedAsync(ManagementListening());

    /// <summary>Completes with the address a simulator (`nodemgr simulate …`) announced it listens on.</summary>
    public Task<Uri> SimulatorListening => UrlAnnouncedAsync(SimulatorListeningLine());

    private async Task<Uri> UrlAnnouncedAsync(Regex line) => new(line.Match(await StdoutLine(line.IsMatch)).Groups["url"].Value);

    [GeneratedRegex(@"Management endpoint listening on (?<url>http://\S+?)/?$")]
    private static partial Regex ManagementListening();

    [GeneratedRegex(@"simulator listening on (?<url>http://\S+/)")]
    private static partial Regex SimulatorListeningLine();
}
