using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "aibridge_model_prices",
                columns: table => new
                {
                    provider_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    model = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    input_micros = table.Column<long>(type: "bigint", nullable: true),
                    output_micros = table.Column<long>(type: "bigint", nullable: true),
                    cache_read_micros = table.Column<long>(type: "bigint", nullable: true),
                    cache_write_micros = table.Column<long>(type: "bigint", nullable: true),
                    cache_write_1h_micros = table.Column<long>(type: "bigint", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "cost_micros",
                table: "aibridge_token_usages");
        }
    }
}
