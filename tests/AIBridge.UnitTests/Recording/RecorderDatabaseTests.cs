using AIBridge.Infrastructure.Recording;
using Npgsql;

namespace AIBridge.UnitTests.Recording;

public sealed class RecorderDatabaseTests
{
    [Fact]
    public void The_PostgreSQL_writers_prepare_their_repeated_statements_unless_the_operator_said_otherwise()
    {
        new NpgsqlConnectionStringBuilder(RecorderDatabase.AutoPrepared("Host=db;Username=u")).MaxAutoPrepare.Should().Be(32);
        new NpgsqlConnectionStringBuilder(RecorderDatabase.AutoPrepared("Host=db;Max Auto Prepare=5")).MaxAutoPrepare.Should().Be(5);
        RecorderDatabase.AutoPrepared("Host=db;maxautoprepare=0").Should().Be("Host=db;maxautoprepare=0", "a pooler in transaction mode may not hold prepared statements");
    }
}
