using System.CommandLine;

namespace NodeManager.Cli;

/// <summary>
/// `nodemgr config render [--raw] FILE…` and `nodemgr config validate FILE…`. The work is in
/// <see cref="ConfigCommandRunner"/>; this only maps arguments and writers.
/// </summary>
public static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "Renders and validates HOCON configuration.");
        command.Subcommands.Add(CreateRender());
        command.Subcommands.Add(CreateValidate());
        return command;
    }

    private static Command CreateRender()
    {
        var files = Files("Operator files, later ones overriding earlier ones (none: the defaults alone).", ArgumentArity.ZeroOrMore);
        var raw = new Option<bool>("--raw")
        {
            Description = "Exactly the given files: no reference.conf fallback, no redaction (for tooling).",
        };
        var render = new Command("render", "Prints the resolved configuration as JSON (secrets redacted unless --raw).") { files, raw };
        render.SetAction(parse => ConfigCommandRunner.Render(
            parse.GetValue(files) ?? [],
            parse.GetValue(raw),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return render;
    }

    private static Command CreateValidate()
    {
        var files = Files("Operator files to check, together, over reference.conf.", ArgumentArity.OneOrMore);
        var validate = new Command("validate", "Checks syntax, substitutions, keys, types and ranges; exit 2 with every error on stderr.") { files };
        validate.SetAction(parse => ConfigCommandRunner.Validate(
            parse.GetValue(files) ?? [],
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return validate;
    }

    private static Argument<string[]> Files(string description, ArgumentArity arity) => new("FILE")
    {
        Description = description,
        Arity = arity,
    };
}
