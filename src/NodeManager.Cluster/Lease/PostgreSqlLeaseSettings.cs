using System.Text.RegularExpressions;
using Akka.Configuration;
using Npgsql;

namespace NodeManager.Cluster.Lease;

/// <summary>
/// Where the PostgreSQL lease keeps its rows: the store keys of its config section (<c>connection-string</c>,
/// <c>schema</c>, <c>table</c>, <c>auto-initialize</c>); the timing keys are Akka's <c>TimeoutSettings</c>.
/// </summary>
public sealed partial record PostgreSqlLeaseSettings(string ConnectionString, string Schema, string Table, bool AutoInitialize)
{
    /// <summary>Reads a lease section; <paramref name="path"/> is where it sits, so a bad value names its full key.</summary>
    /// <exception cref="ConfigurationException">a key is empty, not an identifier, or not a connection string.</exception>
    public static PostgreSqlLeaseSettings Create(Config section, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var connectionString = section.GetString("connection-string", "");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw Bad(path, "connection-string", "is empty: set it (by default the journal's, node-manager.persistence.journal.connection-string)");
        if (ConnectionStringFault(connectionString) is { } fault)
            throw Bad(path, "connection-string", fault);

        return new PostgreSqlLeaseSettings(
            connectionString,
            Identifier(section, path, "schema"),
            Identifier(section, path, "table"),
            section.GetBoolean("auto-initialize", true));
    }

    /// <summary>Why <paramref name="connectionString"/> is no PostgreSQL connection string, never quoting it; null when it is one.</summary>
    public static string? ConnectionStringFault(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException e)
        {
            // The builder's message names the keyword at fault, never the value (which may hold the password).
            return $"is not a PostgreSQL connection string: {e.Message}";
        }
    }

    /// <summary>Why <paramref name="value"/> cannot name the lease's schema or table; null when it can.</summary>
    public static string? IdentifierFault(string value) =>
        IdentifierPattern().IsMatch(value) ? null : $"expected 1 to 63 letters, digits or '_', not starting with a digit, got \"{value}\"";

    private static string Identifier(Config section, string path, string key)
    {
        var value = section.GetString(key, "");
        return IdentifierFault(value) is { } fault ? throw Bad(path, key, fault) : value;
    }

    private static ConfigurationException Bad(string path, string key, string message) => new($"{path}.{key}: {message}");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
