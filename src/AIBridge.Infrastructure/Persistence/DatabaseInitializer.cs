using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Persistence;

/// <summary>Applies pending migrations at start (<c>Database:MigrateOnStartup</c>).</summary>
public sealed partial class DatabaseInitializer(AIBridgeDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db is SqliteAIBridgeDbContext)
        {
            SqliteFile.CreateForOwner(db.Database.GetConnectionString()!);
        }

        int pending;
        try
        {
            pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_PERM or SQLitePCL.raw.SQLITE_IOERR)
        {
            throw SqliteFile.OpenError(db.Database.GetConnectionString()!, e);
        }

        if (db is SqliteAIBridgeDbContext)
        {
            // WAL lets the audit API read while the recorder writes; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogReady(logger, db.Database.ProviderName, pending);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}); applied {Count} migration(s)")]
    private static partial void LogReady(ILogger logger, string? provider, int count);
}
