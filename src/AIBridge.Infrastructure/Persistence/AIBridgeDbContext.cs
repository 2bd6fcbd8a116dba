using AIBridge.Application.Common.Interfaces;
using AIBridge.Domain.ApiKeys;
using AIBridge.Domain.Budgets;
using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Pricing;
using AIBridge.Domain.Providers;
using AIBridge.Domain.Usage;
using AIBridge.Domain.Users;
using AIBridge.Infrastructure.Persistence.Rollups;
using System.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AIBridge.Infrastructure.Persistence;

/// <summary>
/// The model shared by every database. Each provider has a sealed subclass (see <c>Providers/</c>)
/// that owns its migration set and its few provider-specific choices (collations, column types).
/// </summary>
public abstract class AIBridgeDbContext(DbContextOptions options) : DbContext(options), IUnitOfWork, IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Interception> Interceptions => Set<Interception>();

    public DbSet<TokenUsage> TokenUsages => Set<TokenUsage>();

    public DbSet<UserPrompt> UserPrompts => Set<UserPrompt>();

    public DbSet<ToolUsage> ToolUsages => Set<ToolUsage>();

    public DbSet<ModelThought> ModelThoughts => Set<ModelThought>();

    /// <summary>Write-time session summaries; only where <see cref="SupportsSessionRollups"/>.</summary>
    public DbSet<SessionRollup> SessionRollups => Set<SessionRollup>();

    /// <summary>Write-time interception counts; only where <see cref="SupportsSessionRollups"/>.</summary>
    public DbSet<RollupCount> RollupCounts => Set<RollupCount>();

    /// <summary>Price overrides; the shipped defaults live in the application.</summary>
    public DbSet<ModelPrice> ModelPrices => Set<ModelPrice>();

    /// <summary>The hourly usage roll-up the recorder keeps.</summary>
    public DbSet<UsageHour> UsageHours => Set<UsageHour>();

    /// <summary>The daily usage roll-up the recorder keeps beside the hours.</summary>
    public DbSet<UsageDay> UsageDays => Set<UsageDay>();

    /// <summary>The hourly roll-up summed over all but a few dimensions, for the reports that need no more.</summary>
    public DbSet<UsageHourSlice> UsageHourSlices => Set<UsageHourSlice>();

    /// <summary>The daily usage slices the recorder keeps beside the hourly ones.</summary>
    public DbSet<UsageDaySlice> UsageDaySlices => Set<UsageDaySlice>();

    /// <summary>Users' own monthly budgets.</summary>
    public DbSet<UserBudget> UserBudgets => Set<UserBudget>();

    /// <summary>Providers added through the API.</summary>
    public DbSet<StoredProvider> StoredProviders => Set<StoredProvider>();

    public DbSet<StoredProviderKey> StoredProviderKeys => Set<StoredProviderKey>();

    /// <summary>The data protection key ring that encrypts the stored providers' keys.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken) => await SaveChangesAsync(cancellationToken);

    /// <summary>
    /// A read-only transaction whose reads all see one snapshot, so a count and its page agree.
    /// Repeatable read is a snapshot on PostgreSQL; the other providers override this.
    /// </summary>
    public virtual async Task<IDbContextTransaction> BeginReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken);
        return transaction;
    }

    /// <summary>
    /// Settings for the transaction of a report that sums ranges of the usage roll-ups, or null when
    /// the database needs none.
    /// </summary>
    protected internal virtual string? RollupReadSettings => null;

    /// <summary>How a report sums a roll-up column: a format with the column as <c>{0}</c>, a BIGINT.</summary>
    protected internal virtual string RollupSum => "CAST(SUM({0}) AS BIGINT)";

    /// <summary>Whether <c>WITH RECURSIVE</c> queries run here (PostgreSQL, SQLite); SQL Server spells them differently.</summary>
    protected internal virtual bool SupportsRecursiveQueries => true;

    /// <summary>
    /// Whether triggers maintain <c>aibridge_session_rollups</c> and <c>aibridge_rollup_counts</c>
    /// (PostgreSQL, SQLite). SQL Server has no such tables: triggers could not be run here, so its
    /// session lists group and its counts count the interceptions at read time.
    /// </summary>
    protected internal virtual bool SupportsSessionRollups => true;

    /// <summary>Column type for JSON documents (<c>jsonb</c> on PostgreSQL, text elsewhere).</summary>
    protected internal virtual string? JsonColumnType => null;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AIBridgeDbContext).Assembly);
        ConfigureProvider(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }

    /// <summary>Provider-specific adjustments, applied after the shared configuration.</summary>
    protected abstract void ConfigureProvider(ModelBuilder modelBuilder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcMicrosecondsConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcMicrosecondsConverter>();
    }
}
