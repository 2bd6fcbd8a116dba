using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AIBridge.Infrastructure.Persistence;

/// <summary>Classifies provider exceptions, so callers can tell a lost race from a broken database.</summary>
internal static class DatabaseErrors
{
    /// <summary>SQL Server error numbers (sys.messages).</summary>
    private static class SqlServerError
    {
        public const int Deadlock = 1205;
        public const int DuplicateKeyInUniqueIndex = 2601;
        public const int DuplicateKeyInConstraint = 2627;
        public const int ConstraintConflict = 547;
        public const int NullNotAllowed = 515;
        public const int StringTruncated = 8152;
        public const int StringTruncatedInColumn = 2628;
        public const int ConversionFailed = 245;
    }

    /// <summary>PostgreSQL SQLSTATE classes: 22 data exceptions, 23 integrity constraint violations.</summary>
    private const string PostgresDataException = "22";
    private const string PostgresConstraintViolation = "23";

    /// <summary>A unique violation, serialization failure, deadlock or lock timeout: another writer won.</summary>
    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState is PostgresErrorCodes.UniqueViolation
                    or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected:
                case SqlException sql when sql.Number is SqlServerError.Deadlock or SqlServerError.DuplicateKeyInUniqueIndex or SqlServerError.DuplicateKeyInConstraint:
                case SqliteException lite when lite.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_CONSTRAINT:
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
                    return pg.SqlState.StartsWith(PostgresConstraintViolation, StringComparison.Ordinal)
                        || pg.SqlState.StartsWith(PostgresDataException, StringComparison.Ordinal);
                case SqlException sql:
                    return sql.Number is SqlServerError.DuplicateKeyInConstraint or SqlServerError.DuplicateKeyInUniqueIndex or SqlServerError.ConstraintConflict
                        or SqlServerError.NullNotAllowed or SqlServerError.StringTruncated or SqlServerError.StringTruncatedInColumn or SqlServerError.ConversionFailed;
                case SqliteException lite:
                    return lite.SqliteErrorCode is SQLitePCL.raw.SQLITE_CONSTRAINT or SQLitePCL.raw.SQLITE_MISMATCH or SQLitePCL.raw.SQLITE_TOOBIG;
                case System.Data.Common.DbException or TimeoutException or IOException or System.Net.Sockets.SocketException:
                    return false;
            }
        }

        return exception is not Microsoft.EntityFrameworkCore.DbUpdateException;
    }
}
