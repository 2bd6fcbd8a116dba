using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aibridge_rollup_counts",
                columns: table => new
                {
                    initiator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slice = table.Column<string>(type: "TEXT", nullable: false),
                    interceptions = table.Column<long>(type: "INTEGER", nullable: false),
                    sessions = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_rollup_counts", x => new { x.initiator_id, x.slice });
                });

            migrationBuilder.CreateTable(
                name: "aibridge_session_rollups",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "TEXT", nullable: false),
                    initiator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slice = table.Column<string>(type: "TEXT", nullable: false),
                    interceptions = table.Column<long>(type: "INTEGER", nullable: false),
                    threads = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ended_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    prompted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_active_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_session_rollups", x => new { x.session_id, x.initiator_id, x.slice });
                });

            migrationBuilder.CreateIndex(
                name: "ix_rollup_counts_slice",
                table: "aibridge_rollup_counts",
                column: "slice");

            migrationBuilder.CreateIndex(
                name: "ix_session_rollups_active",
                table: "aibridge_session_rollups",
                columns: new[] { "slice", "last_active_at", "session_id", "initiator_id" },
                descending: new[] { false, true, true, false });

            // After the tables and their indexes: the triggers keep them current from here on, and the
            // last statements fill them from the interceptions already stored.
            MigrationSql.Run(migrationBuilder, "Sqlite.20261128200232_SessionRollups.Up");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MigrationSql.Run(migrationBuilder, "Sqlite.20261128200232_SessionRollups.Down");

            migrationBuilder.DropTable(
                name: "aibridge_rollup_counts");

            migrationBuilder.DropTable(
                name: "aibridge_session_rollups");
        }
    }
}
