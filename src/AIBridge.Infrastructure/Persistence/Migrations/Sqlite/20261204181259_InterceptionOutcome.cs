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
            migrationBuilder.DropIndex(
                name: "ix_interceptions_open_instance",
                table: "aibridge_interceptions");

            migrationBuilder.DropColumn(
                name: "error_message",
                table: "aibridge_interceptions");

            migrationBuilder.DropColumn(
                name: "error_type",
                table: "aibridge_interceptions");

            migrationBuilder.DropColumn(
                name: "gateway_instance",
                table: "aibridge_interceptions");

            migrationBuilder.DropColumn(
                name: "status_code",
                table: "aibridge_interceptions");
        }
    }
}
