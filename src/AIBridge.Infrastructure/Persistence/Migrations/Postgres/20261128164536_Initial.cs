using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AIBridge.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    normalized_username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    normalized_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, defaultValue: ""),
                    avatar_url = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    hashed_password = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, defaultValue: "active"),
                    roles = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aibridge_interceptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    initiator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    api_key_id = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    provider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    provider_name = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    model = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    client_session_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    thread_parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    thread_root_id = table.Column<Guid>(type: "uuid", nullable: true),
                    session_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    credential_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "centralized"),
                    credential_hint = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false, defaultValue: ""),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_interceptions", x => x.id);
                    table.ForeignKey(
                        name: "FK_aibridge_interceptions_users_initiator_id",
                        column: x => x.initiator_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "character(10)", fixedLength: true, maxLength: 10, nullable: false),
                    hashed_secret = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    token_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    lifetime_seconds = table.Column<long>(type: "bigint", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_used = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "FK_api_keys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aibridge_model_thoughts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    interception_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_model_thoughts", x => x.id);
                    table.ForeignKey(
                        name: "FK_aibridge_model_thoughts_aibridge_interceptions_interception~",
                        column: x => x.interception_id,
                        principalTable: "aibridge_interceptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aibridge_token_usages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    interception_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_response_id = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    output_tokens = table.Column<long>(type: "bigint", nullable: false),
                    cache_read_input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    cache_write_input_tokens = table.Column<long>(type: "bigint", nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_token_usages", x => x.id);
                    table.ForeignKey(
                        name: "FK_aibridge_token_usages_aibridge_interceptions_interception_id",
                        column: x => x.interception_id,
                        principalTable: "aibridge_interceptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aibridge_tool_usages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    interception_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_response_id = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    provider_tool_call_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    provider_item_id = table.Column<string>(type: "text", nullable: true),
                    server_url = table.Column<string>(type: "text", nullable: true),
                    tool = table.Column<string>(type: "text", nullable: false),
                    input = table.Column<string>(type: "text", nullable: false),
                    injected = table.Column<bool>(type: "boolean", nullable: false),
                    invocation_error = table.Column<string>(type: "text", nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_tool_usages", x => x.id);
                    table.ForeignKey(
                        name: "FK_aibridge_tool_usages_aibridge_interceptions_interception_id",
                        column: x => x.interception_id,
                        principalTable: "aibridge_interceptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aibridge_user_prompts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    interception_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_response_id = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    prompt = table.Column<string>(type: "text", nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aibridge_user_prompts", x => x.id);
                    table.ForeignKey(
                        name: "FK_aibridge_user_prompts_aibridge_interceptions_interception_id",
                        column: x => x.interception_id,
                        principalTable: "aibridge_interceptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_client",
                table: "aibridge_interceptions",
                column: "client",
                filter: "ended_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_client_session",
                table: "aibridge_interceptions",
                column: "client_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_initiator_started",
                table: "aibridge_interceptions",
                columns: new[] { "initiator_id", "started_at", "id" },
                descending: new[] { false, true, true },
                filter: "ended_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_model",
                table: "aibridge_interceptions",
                column: "model",
                filter: "ended_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_provider",
                table: "aibridge_interceptions",
                column: "provider",
                filter: "ended_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_session",
                table: "aibridge_interceptions",
                columns: new[] { "session_id", "initiator_id" },
                filter: "ended_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_started",
                table: "aibridge_interceptions",
                columns: new[] { "started_at", "id" },
                descending: new bool[0],
                filter: "ended_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_thread_parent",
                table: "aibridge_interceptions",
                column: "thread_parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_interceptions_thread_root",
                table: "aibridge_interceptions",
                column: "thread_root_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_thoughts_interception",
                table: "aibridge_model_thoughts",
                columns: new[] { "interception_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_token_usages_interception",
                table: "aibridge_token_usages",
                columns: new[] { "interception_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tool_usages_call",
                table: "aibridge_tool_usages",
                columns: new[] { "provider_tool_call_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_tool_usages_interception",
                table: "aibridge_tool_usages",
                columns: new[] { "interception_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_user_prompts_interception",
                table: "aibridge_user_prompts",
                columns: new[] { "interception_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_user_id_token_name",
                table: "api_keys",
                columns: new[] { "user_id", "token_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_normalized_email",
                table: "users",
                column: "normalized_email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_normalized_username",
                table: "users",
                column: "normalized_username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aibridge_model_thoughts");

            migrationBuilder.DropTable(
                name: "aibridge_token_usages");

            migrationBuilder.DropTable(
                name: "aibridge_tool_usages");

            migrationBuilder.DropTable(
                name: "aibridge_user_prompts");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "aibridge_interceptions");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
