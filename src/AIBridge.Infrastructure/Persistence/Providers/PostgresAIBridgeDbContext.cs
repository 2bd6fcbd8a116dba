using AIBridge.Infrastructure.Persistence.Configurations;
using AIBridge.Infrastructure.Persistence.Rollups;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Providers;

public sealed class PostgresAIBridgeDbContext(DbContextOptions<PostgresAIBridgeDbContext> options) : AIBridgeDbContext(options)
{
    // A report sums some forty columns: with the default settings, PostgreSQL compiles them (JIT) for
    // longer than the sums take, scans the whole table rather than the key's range of hours (a contiguous
    // run of pages, as the recorder writes hours in order), sorts the groups on disk, and hands the few
    // thousand rows to parallel workers whose start and gathering cost more than the rows.
    protected internal override string? RollupReadSettings =>
        "SET LOCAL jit = off; SET LOCAL random_page_cost = 1.1; SET LOCAL work_mem = '64MB'; SET LOCAL max_parallel_workers_per_gather = 0";

    // SUM(bigint) keeps a numeric state for each group and column, which costs more than reading the rows
    // when a report has thousands of groups. Doubles add integers exactly below 2^53, far above any total
    // of tokens or micro-dollars here.
    protected internal override string RollupSum => "CAST(SUM(CAST({0} AS DOUBLE PRECISION)) AS BIGINT)";

    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
        // Room on each page for the new version of a row, so that most roll-up updates are HOT (no index writes).
        modelBuilder.Entity<SessionRollup>().HasStorageParameter("fillfactor", 50);
        modelBuilder.Entity<RollupCount>().HasStorageParameter("fillfactor", 50);

        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.IsJson())
            {
                property.SetColumnType("jsonb");
            }

            // The "C" collation sorts by code point: ordinal, unlike the cluster's locale default.
            if (property.IsOrdinalText())
            {
                property.SetCollation("C");
            }
        }
    }
}
