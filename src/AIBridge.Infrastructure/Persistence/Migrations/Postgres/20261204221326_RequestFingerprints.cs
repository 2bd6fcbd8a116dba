using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Postgres
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "tools_hash",
                table: "aibridge_interceptions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "system_hash",
                table: "aibridge_interceptions");

            migrationBuilder.DropColumn(
                name: "tools_hash",
                table: "aibridge_interceptions");
        }
    }
}
