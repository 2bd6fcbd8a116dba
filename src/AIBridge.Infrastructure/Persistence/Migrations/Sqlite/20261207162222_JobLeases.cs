using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aibridge_job_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    claimed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_job_leases", x => x.name);
                });

            migrationBuilder.InsertData(
                table: "aibridge_job_leases",
                columns: new[] { "name", "claimed_at", "due_at", "holder" },
                values: new object[] { "retention", null, new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aibridge_job_leases");
        }
    }
}
