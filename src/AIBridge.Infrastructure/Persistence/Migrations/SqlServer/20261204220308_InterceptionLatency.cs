using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ttfb_ms",
                table: "aibridge_interceptions",
                type: "int",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "duration_ms",
                table: "aibridge_interceptions");

            migrationBuilder.DropColumn(
                name: "ttfb_ms",
                table: "aibridge_interceptions");
        }
    }
}
