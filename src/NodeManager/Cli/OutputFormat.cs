namespace NodeManager.Cli;

/// <summary>How the operator commands print an answer: tables for people, or the endpoint's JSON body as it came for tools.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
