using AIBridge.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Providers;

public sealed class PostgresAIBridgeDbContext(DbContextOptions<PostgresAIBridgeDbContext> options) : AIBridgeDbContext(options)
{
    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
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
