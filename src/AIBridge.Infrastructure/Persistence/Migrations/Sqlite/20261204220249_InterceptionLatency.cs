using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InterceptionLatency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "duration_ms",
                table: "aibridge_interceptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ttfb_ms",
                table: "aibridge_interceptions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // In place, as in InterceptionOutcome: a table rebuild would trip over the roll-up triggers.
            migrationBuilder.Sql("ALTER TABLE aibridge_interceptions DROP COLUMN duration_ms");
            migrationBuilder.Sql("ALTER TABLE aibridge_interceptions DROP COLUMN ttfb_ms");
        }
    }
}
