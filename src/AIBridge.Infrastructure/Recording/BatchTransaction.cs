using AIBridge.Application.Gateway.Recording;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AIBridge.Infrastructure.Recording;

/// <summary>One attempt at a batch: its rows, ends and token uses in one transaction, or none of them.</summary>
internal sealed class BatchTransaction(RecorderDatabase database, LineageResolver lineage)
{
    public async Task WriteAsync(IReadOnlyList<RecordedItem> records, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        database.Tables.PrepareConnection(connection);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var rows = await RecordFold.FoldAsync(records, start => lineage.ResolveAsync(db, start, cancellationToken));
        await using (var tables = database.Tables.Create(connection, transaction.GetDbTransaction()))
        {
            await RecordTables.WriteAsync(tables, rows, cancellationToken);
        }

        await KeyTouches.WriteAsync(db, rows.Touches.Values, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
