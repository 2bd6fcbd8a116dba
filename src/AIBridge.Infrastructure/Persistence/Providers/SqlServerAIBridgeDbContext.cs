using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Usage;
using AIBridge.Infrastructure.Persistence.Configurations;
using AIBridge.Infrastructure.Persistence.Rollups;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AIBridge.Infrastructure.Persistence.Providers;

/// <summary>
/// The production provider of the design card. Verified here without a server (see docs/sqlserver.md):
/// its migrations are current and every repository query translates.
/// </summary>
public sealed class SqlServerAIBridgeDbContext(DbContextOptions<SqlServerAIBridgeDbContext> options) : AIBridgeDbContext(options)
{
    /// <summary>Binary code-point order: SQL Server's default collations are case-insensitive.</summary>
    public const string OrdinalCollation = "Latin1_General_100_BIN2";

    protected internal override bool SupportsRecursiveQueries => false;

    protected internal override bool SupportsSessionRollups => false;

    /// <summary>Snapshot isolation, enabled on the database by the <c>SnapshotIsolation</c> migration.</summary>
    public override Task<IDbContextTransaction> BeginReadSnapshotAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(IsolationLevel.Snapshot, cancellationToken);

    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
        modelBuilder.Ignore<SessionRollup>();
        modelBuilder.Ignore<RollupCount>();
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.IsOrdinalText())
            {
                property.SetCollation(OrdinalCollation);
            }
        }

        // nvarchar(max) cannot be an index key; these bounds are the gateway's truncation limits.
        modelBuilder.Entity<Interception>(b =>
        {
            b.Property(i => i.Provider).HasMaxLength(64);
            b.Property(i => i.ProviderName).HasMaxLength(64);
            b.Property(i => i.Model).HasMaxLength(256);
            b.Property(i => i.SessionId).HasMaxLength(Interception.ClientSessionIdMaxLength);
        });
        modelBuilder.Entity<UsageHour>(UsageTotalsColumns.BoundKeys);
        modelBuilder.Entity<UsageDay>(UsageTotalsColumns.BoundKeys);
        modelBuilder.Entity<UsageHourSlice>(UsageTotalsColumns.BoundKeys);
        modelBuilder.Entity<UsageDaySlice>(UsageTotalsColumns.BoundKeys);
    }
}
