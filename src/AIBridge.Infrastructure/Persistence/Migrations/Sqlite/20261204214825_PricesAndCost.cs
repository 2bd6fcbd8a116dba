using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PricesAndCost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "cost_micros",
                table: "aibridge_token_usages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "aibridge_model_prices",
                columns: table => new
                {
                    provider_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    input_micros = table.Column<long>(type: "INTEGER", nullable: true),
                    output_micros = table.Column<long>(type: "INTEGER", nullable: true),
                    cache_read_micros = table.Column<long>(type: "INTEGER", nullable: true),
                    cache_write_micros = table.Column<long>(type: "INTEGER", nullable: true),
                    cache_write_1h_micros = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_model_prices", x => new { x.provider_type, x.model });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aibridge_model_prices");

            // In place: SQLite can drop a plain column without EF Core's table rebuild.
            migrationBuilder.Sql("ALTER TABLE aibridge_token_usages DROP COLUMN cost_micros");
        }
    }
}
