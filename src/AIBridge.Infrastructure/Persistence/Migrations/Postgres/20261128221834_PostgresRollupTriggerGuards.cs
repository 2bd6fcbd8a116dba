using AIBridge.Infrastructure.Persistence.Rollups;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The roll-up triggers skip statements with nothing to roll up (docs/benchmarks.md, G2): the
    /// triggers are replaced, the tables are kept. SQLite's row triggers had their guards already.
    /// </summary>
    public partial class PostgresRollupTriggerGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SessionRollupTriggers.Recreate(postgres: true))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <summary>The guards only skip work; the triggers stay as they are.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
