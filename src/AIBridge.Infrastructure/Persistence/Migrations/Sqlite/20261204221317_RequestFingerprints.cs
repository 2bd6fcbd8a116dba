using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "system_hash",
                table: "aibridge_interceptions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tools_hash",
                table: "aibridge_interceptions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // In place, as in InterceptionOutcome: a table rebuild would trip over the roll-up triggers.
            migrationBuilder.Sql("ALTER TABLE aibridge_interceptions DROP COLUMN system_hash");
            migrationBuilder.Sql("ALTER TABLE aibridge_interceptions DROP COLUMN tools_hash");
        }
    }
}
