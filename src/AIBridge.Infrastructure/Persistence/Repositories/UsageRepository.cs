using System.Data.Common;
using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Usage;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AIBridge.Infrastructure.Persistence.Repositories;

internal sealed class UsageRepository(AIBridgeDbContext db) : IUsageRepository
{
    public async Task<IReadOnlyList<UsageSumRow>> SumAsync(UsageSumQuery query, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var settings = db.RollupReadSettings;
            await using var transaction = settings is null || db.Database.CurrentTransaction is not null
                ? null
                : await db.Database.BeginTransactionAsync(cancellationToken);
            if (settings is not null)
            {
                await db.Database.ExecuteSqlRawAsync(settings, cancellationToken);
            }

            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = UsageQueries.Sum(query, db.RollupSum);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var mappings = db.GetService<IRelationalTypeMappingSource>();
            foreach (var (_, name, value) in UsageQueries.Parameters(query.Request))
            {
                // The provider's own mapping, so a GUID takes the form the column stores (upper-case text on SQLite).
                command.Parameters.Add(mappings.FindMapping(value.GetType())!.CreateParameter(command, name, value));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<UsageSumRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Read(reader, query.Request.GroupBy));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IReadOnlyDictionary<Guid, MinimalUserDto>> FindUsersAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ProjectToMinimal().ToDictionaryAsync(u => u.Id, cancellationToken);

    private static UsageSumRow Read(DbDataReader reader, IReadOnlyList<UsageDimension> groupBy)
    {
        Guid? initiator = null;
        string? provider = null, model = null, client = null;
        var column = 1;
        foreach (var dimension in groupBy)
        {
            switch (dimension)
            {
                case UsageDimension.User:
                    initiator = reader.GetGuid(column);
                    break;
                case UsageDimension.Provider:
                    provider = reader.GetString(column);
                    break;
                case UsageDimension.Model:
                    model = reader.GetString(column);
                    break;
                default:
                    client = reader.GetString(column);
                    break;
            }

            column++;
        }

        long Next()
        {
            var value = reader.IsDBNull(column) ? 0 : reader.GetInt64(column);
            column++;
            return value;
        }

        var sums = new UsageSums
        {
            Interceptions = Next(),
            Prompts = Next(),
            ToolCalls = Next(),
            InjectedToolCalls = Next(),
            InputTokens = Next(),
            OutputTokens = Next(),
            CacheReadInputTokens = Next(),
            CacheWriteInputTokens = Next(),
        };
        var cost = Next();
        sums.UnpricedUsageCount = Next();
        for (var bucket = 0; bucket < sums.Ttfb.Length; bucket++)
        {
            sums.Ttfb[bucket] = Next();
        }

        // Hours taken out of a day's row can leave a cost of 0 where nothing priced is left: the count says.
        sums.CostMicros = Next() > 0 ? cost : null;

        return new UsageSumRow(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), initiator, provider, model, client, sums);
    }
}
