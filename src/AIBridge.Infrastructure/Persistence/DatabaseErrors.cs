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

    /// <summary>
    /// A failure that retrying the same write cannot fix: a constraint or data error in the rows, or a
    /// bug. Connection loss, timeouts, locks and a database that is down are transient.
    /// </summary>
    public static bool IsPermanent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("23", StringComparison.Ordinal) || pg.SqlState.StartsWith("22", StringComparison.Ordinal);
                case SqlException sql:
                    return sql.Number is 2627 or 2601 or 547 or 515 or 8152 or 2628 or 245;
                case SqliteException lite:
                    return lite.SqliteErrorCode is 19 or 20 or 18;
                case System.Data.Common.DbException or TimeoutException or IOException or System.Net.Sockets.SocketException:
                    return false;
            }
        }

        return exception is not Microsoft.EntityFrameworkCore.DbUpdateException;
    }
}
