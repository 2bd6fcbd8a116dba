using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UsageSlices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aibridge_usage_day_slices",
                columns: table => new
                {
                    initiator_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    provider = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    provider_name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    model = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Latin1_General_100_BIN2"),
                    client = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    dimensions = table.Column<int>(type: "int", nullable: false),
                    day = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_100 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_1000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_10000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_120000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_150 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_1500 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_15000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_180000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_200 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_2000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_20000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_300 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_3000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_30000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_300000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_45000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_50 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_500 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_5000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_60000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_75 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_750 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_7500 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_over_300000 = table.Column<long>(type: "bigint", nullable: false),
                    interceptions = table.Column<long>(type: "bigint", nullable: false),
                    prompts = table.Column<long>(type: "bigint", nullable: false),
                    tool_calls = table.Column<long>(type: "bigint", nullable: false),
                    injected_tool_calls = table.Column<long>(type: "bigint", nullable: false),
                    input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    output_tokens = table.Column<long>(type: "bigint", nullable: false),
                    cache_read_input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    cache_write_input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    cost_micros = table.Column<long>(type: "bigint", nullable: true),
                    unpriced_usage_count = table.Column<long>(type: "bigint", nullable: false),
                    priced_usage_count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_usage_day_slices", x => new { x.dimensions, x.day, x.initiator_id, x.provider, x.provider_name, x.model, x.client });
                });

            migrationBuilder.CreateTable(
                name: "aibridge_usage_hour_slices",
                columns: table => new
                {
                    initiator_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    provider = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    provider_name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    model = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Latin1_General_100_BIN2"),
                    client = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    dimensions = table.Column<int>(type: "int", nullable: false),
                    hour = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_100 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_1000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_10000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_120000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_150 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_1500 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_15000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_180000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_200 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_2000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_20000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_300 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_3000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_30000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_300000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_45000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_50 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_500 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_5000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_60000 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_75 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_750 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_le_7500 = table.Column<long>(type: "bigint", nullable: false),
                    ttfb_over_300000 = table.Column<long>(type: "bigint", nullable: false),
                    interceptions = table.Column<long>(type: "bigint", nullable: false),
                    prompts = table.Column<long>(type: "bigint", nullable: false),
                    tool_calls = table.Column<long>(type: "bigint", nullable: false),
                    injected_tool_calls = table.Column<long>(type: "bigint", nullable: false),
                    input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    output_tokens = table.Column<long>(type: "bigint", nullable: false),
                    cache_read_input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    cache_write_input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    cost_micros = table.Column<long>(type: "bigint", nullable: true),
                    unpriced_usage_count = table.Column<long>(type: "bigint", nullable: false),
                    priced_usage_count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_usage_hour_slices", x => new { x.dimensions, x.hour, x.initiator_id, x.provider, x.provider_name, x.model, x.client });
                });

            // The slices from the roll-ups already stored.
            MigrationSql.Run(migrationBuilder, "SqlServer.20261207234435_UsageSlices.Up");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aibridge_usage_day_slices");

            migrationBuilder.DropTable(
                name: "aibridge_usage_hour_slices");
        }
    }
}
