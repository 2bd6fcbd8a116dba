using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AIBridge.Infrastructure.Persistence.Providers;

/// <summary>The embedded default. SQLite compares text in binary (ordinal) order already.</summary>
public sealed class SqliteAIBridgeDbContext(DbContextOptions<SqliteAIBridgeDbContext> options) : AIBridgeDbContext(options)
{
    /// <summary>
    /// A deferred transaction: in WAL mode its first read pins a snapshot, and unlike the default
    /// <c>BEGIN IMMEDIATE</c> it takes no write lock, so readers never hold up the gateway's writer.
    /// </summary>
    public override async Task<IDbContextTransaction> BeginReadSnapshotAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)Database.GetDbConnection();
        return await Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken)
            ?? throw new InvalidOperationException("SQLite did not start a transaction.");
    }

    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
    }
}
