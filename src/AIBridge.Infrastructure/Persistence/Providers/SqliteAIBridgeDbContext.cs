using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Providers;

/// <summary>The embedded default. SQLite compares text in binary (ordinal) order already.</summary>
public sealed class SqliteAIBridgeDbContext(DbContextOptions<SqliteAIBridgeDbContext> options) : AIBridgeDbContext(options)
{
    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
    }
}
