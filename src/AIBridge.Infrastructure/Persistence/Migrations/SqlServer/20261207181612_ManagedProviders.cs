using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ManagedProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aibridge_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    friendly_name = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aibridge_providers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    display_name = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    enabled = table.Column<bool>(type: "bit", nullable: false),
                    base_url = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    settings = table.Column<string>(type: "nvarchar(max)", maxLength: 16384, nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aibridge_provider_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    provider_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    position = table.Column<int>(type: "int", nullable: false),
                    @protected = table.Column<string>(name: "protected", type: "nvarchar(max)", maxLength: 4096, nullable: false),
                    masked = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_provider_keys", x => x.id);
                    table.ForeignKey(
                        name: "FK_aibridge_provider_keys_aibridge_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "aibridge_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aibridge_provider_keys_provider_id_position",
                table: "aibridge_provider_keys",
                columns: new[] { "provider_id", "position" });

            migrationBuilder.CreateIndex(
                name: "IX_aibridge_providers_name",
                table: "aibridge_providers",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aibridge_data_protection_keys");

            migrationBuilder.DropTable(
                name: "aibridge_provider_keys");

            migrationBuilder.DropTable(
                name: "aibridge_providers");
        }
    }
}
