using System.Data.Common;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Persistence.Queries;
using AIBridge.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AIBridge.FunctionalTests.Persistence;

/// <summary>
/// The set-based writes (<c>ExecuteDelete</c>) translated on every provider, SQL Server included, with no
/// server: the connection is never opened and the statement never sent, only captured.
/// </summary>
public sealed class BulkStatementTranslationTests
{
    [Theory]
    [MemberData(nameof(MigrationDriftTests.Providers), MemberType = typeof(MigrationDriftTests))]
    public async Task The_retention_deletes_translate_each_batch_in_one_statement(DatabaseProvider provider)
    {
        var captured = new CapturedCommands();
        await using var db = OfflineContext(provider, captured);

        var cutoff = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await RetentionQueries.ExpiredCompleted(db, cutoff, 1000).ExecuteDeleteAsync();
        await RetentionQueries.ExpiredInFlight(db, cutoff, 1000).ExecuteDeleteAsync();

        captured.Texts.Should().HaveCount(2);
        var limit = provider == DatabaseProvider.SqlServer ? "TOP(" : "LIMIT";
        captured.Texts[0].Should().StartWith("DELETE FROM").And.Contain("ORDER BY").And.Contain("started_at").And.Contain(limit);
        captured.Texts[1].Should().StartWith("DELETE ").And.Contain("started_at").And.Contain(limit);
        if (Environment.GetEnvironmentVariable("AIBRIDGE_DUMP_SQL") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{provider}.RetentionQueries.delete.sql"), string.Join("\n\n", captured.Texts));
        }
    }

    [Theory]
    [MemberData(nameof(MigrationDriftTests.Providers), MemberType = typeof(MigrationDriftTests))]
    public async Task A_job_lease_is_claimed_in_one_conditional_update(DatabaseProvider provider)
    {
        var captured = new CapturedCommands();
        await using var db = OfflineContext(provider, captured);
        var now = new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

        await JobLeases.ClaimDueAsync(db, "retention", "node-1", now, now.AddDays(1), CancellationToken.None);

        captured.Texts.Should().ContainSingle().Which.Should().StartWith("UPDATE").And.Contain("due_at").And.Contain("holder").And.Contain("WHERE");
    }

    private static AIBridgeDbContext OfflineContext(DatabaseProvider provider, params IInterceptor[] interceptors)
    {
        var type = DatabaseOptions.ContextType(provider);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        DatabaseOptions.Configure(builder, provider, MigrationDriftTests.OfflineConnectionString(provider));
        builder.AddInterceptors([new NeverOpened(), .. interceptors]);
        return (AIBridgeDbContext)Activator.CreateInstance(type, builder.Options)!;
    }

    private sealed class NeverOpened : DbConnectionInterceptor
    {
        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    private sealed class CapturedCommands : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
        }
    }
}
