using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InterceptionOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "error_message",
                table: "aibridge_interceptions",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "error_type",
                table: "aibridge_interceptions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gateway_instance",
                table: "aibridge_interceptions",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status_code",
                table: "aibridge_interceptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_open_instance",
                table: "aibridge_interceptions",
                column: "gateway_instance",
                filter: "ended_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite drops these columns in place: EF Core's table rebuild would trip over the roll-up
            // triggers, which name the table.
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_interceptions_open_instance");
            foreach (var column in new[] { "error_message", "error_type", "gateway_instance", "status_code" })
            {
                migrationBuilder.Sql($"ALTER TABLE aibridge_interceptions DROP COLUMN {column}");
            }
        }
    }
}
