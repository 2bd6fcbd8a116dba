using System.Data.Common;
using AIBridge.Application.Common.Exceptions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AIBridge.Infrastructure.Persistence.Providers;

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:AIBridge</c>, checked before anything connects.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderSetting = "Database:Provider";
    public const string ConnectionStringSetting = "ConnectionStrings:AIBridge";

    /// <exception cref="ConfigurationException">An unknown provider, or a connection string its driver cannot parse.</exception>
    public static DatabaseSettings Read(IConfiguration configuration)
    {
        var name = configuration[ProviderSetting];
        var provider = string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite : Parse(name)
            ?? throw new ConfigurationException($"unknown database provider \"{name}\" ({ProviderSetting}): use Sqlite, Postgres (or PostgreSQL) or SqlServer");
        var connectionString = configuration.GetConnectionString("AIBridge") ?? DatabaseOptions.DefaultConnectionString;
        try
        {
            _ = provider switch
            {
                DatabaseProvider.Sqlite => (DbConnectionStringBuilder)new SqliteConnectionStringBuilder(connectionString),
                DatabaseProvider.Postgres => new NpgsqlConnectionStringBuilder(connectionString),
                _ => new SqlConnectionStringBuilder(connectionString),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The value itself is not repeated: it may hold a password.
            throw new ConfigurationException($"invalid connection string for {provider} ({ConnectionStringSetting}): {e.Message.TrimEnd('.')}; expected the form \"{Example(provider)}\"", e);
        }

        return new DatabaseSettings(provider, connectionString);
    }

    public static DatabaseProvider? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
        _ => null,
    };

    private static string Example(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=/var/lib/aibridge/aibridge.db",
        DatabaseProvider.Postgres => "Host=db;Port=5432;Database=aibridge;Username=aibridge;Password=…",
        _ => "Server=db;Database=aibridge;User Id=aibridge;Password=…;TrustServerCertificate=true",
    };
}
