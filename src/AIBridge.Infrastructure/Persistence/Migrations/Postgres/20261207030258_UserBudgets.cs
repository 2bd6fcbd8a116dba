using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aibridge_user_budgets",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    monthly_limit_micros = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_user_budgets", x => x.user_id);
                    table.ForeignKey(
                        name: "FK_aibridge_user_budgets_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aibridge_user_budgets");
        }
    }
}
