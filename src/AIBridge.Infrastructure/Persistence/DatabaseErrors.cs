using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AIBridge.Infrastructure.Persistence;

/// <summary>Classifies provider exceptions, so callers can tell a lost race from a broken database.</summary>
internal static class DatabaseErrors
{
    /// <summary>A unique violation, serialization failure, deadlock or lock timeout: another writer won.</summary>
    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState is PostgresErrorCodes.UniqueViolation
                    or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected:
                case SqlException sql when sql.Number is 1205 or 2601 or 2627:
                case SqliteException lite when lite.SqliteErrorCode is 5 or 19:
                    return true;
            }
        }

        return false;
    }
}
