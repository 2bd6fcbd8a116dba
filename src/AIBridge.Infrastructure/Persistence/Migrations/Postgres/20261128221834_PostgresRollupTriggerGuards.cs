using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The roll-up triggers skip statements with nothing to roll up (ADR 0012): the
    /// triggers are replaced, the tables are kept. SQLite's row triggers had their guards already.
    /// </summary>
    public partial class PostgresRollupTriggerGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            MigrationSql.Run(migrationBuilder, "Postgres.20261128221834_PostgresRollupTriggerGuards.Up");
        }

        /// <summary>The triggers as they were before, without their guards.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MigrationSql.Run(migrationBuilder, "Postgres.20261128221834_PostgresRollupTriggerGuards.Down");
        }
    }
}
