using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Postgres
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
                    initiator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slice = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    interceptions = table.Column<long>(type: "bigint", nullable: false),
                    sessions = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_rollup_counts", x => new { x.initiator_id, x.slice });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.CreateTable(
                name: "aibridge_session_rollups",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    initiator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slice = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    interceptions = table.Column<long>(type: "bigint", nullable: false),
                    threads = table.Column<long>(type: "bigint", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    prompted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_active_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_session_rollups", x => new { x.session_id, x.initiator_id, x.slice });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.CreateIndex(
                name: "ix_rollup_counts_slice",
                table: "aibridge_rollup_counts",
                column: "slice");

            migrationBuilder.CreateIndex(
                name: "ix_session_rollups_active",
                table: "aibridge_session_rollups",
                columns: new[] { "slice", "last_active_at", "session_id", "initiator_id" },
                descending: new[] { false, true, true, false });

            // The recorder inserts a batch's prompts before their interceptions, checked at commit.
            migrationBuilder.Sql("ALTER TABLE aibridge_user_prompts ALTER CONSTRAINT \"FK_aibridge_user_prompts_aibridge_interceptions_interception_id\" DEFERRABLE INITIALLY IMMEDIATE");

            // After the tables and their indexes: the triggers keep them current from here on, and the
            // last statements fill them from the interceptions already stored.
            MigrationSql.Run(migrationBuilder, "Postgres.20261128200236_SessionRollups.Up");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MigrationSql.Run(migrationBuilder, "Postgres.20261128200236_SessionRollups.Down");

            migrationBuilder.Sql("ALTER TABLE aibridge_user_prompts ALTER CONSTRAINT \"FK_aibridge_user_prompts_aibridge_interceptions_interception_id\" NOT DEFERRABLE");

            migrationBuilder.DropTable(
                name: "aibridge_rollup_counts");

            migrationBuilder.DropTable(
                name: "aibridge_session_rollups");
        }
    }
}
