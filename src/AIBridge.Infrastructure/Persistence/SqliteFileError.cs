using AIBridge.Application.Common.Exceptions;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;

namespace AIBridge.Infrastructure.Persistence;

/// <summary>Why the SQLite file could not be opened, in words an operator can act on.</summary>
public static class SqliteFileError
{
    public static ConfigurationException For(string connectionString, SqliteException error)
    {
        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var folder = Path.GetDirectoryName(path) ?? "/";
        var reason = !Directory.Exists(folder) ? $"the folder \"{folder}\" does not exist"
            : Directory.Exists(path) ? "it is a folder, not a file"
            : $"permission denied or not a database: the file and its folder must be readable and writable by this process ({error.Message})";
        return new ConfigurationException($"cannot open the SQLite database \"{path}\" ({DatabaseSettings.ConnectionStringSetting}): {reason}", error);
    }
}
