using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SnapshotIsolation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit API reads a count and its page in one snapshot transaction; ALTER DATABASE
            // cannot run inside the migration's transaction.
            migrationBuilder.Sql("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION OFF;", suppressTransaction: true);
        }
    }
}
