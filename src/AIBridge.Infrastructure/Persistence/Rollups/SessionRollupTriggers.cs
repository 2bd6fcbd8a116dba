namespace AIBridge.Infrastructure.Persistence.Rollups;

/// <summary>
/// The triggers that keep <c>aibridge_session_rollups</c> equal to its definition, whoever writes:
/// the gateway's bulk writer, EF Core, a test seeder or an operator's SQL. The hot paths (an interception
/// completes; a prompt arrives for a completed one) add to the rows in place; anything rarer (a completed
/// row changes or is deleted, a prompt changes or goes) rebuilds that session's rows from the source,
/// which is exact whatever changed. Migrations call <see cref="Create"/>; the SQL is versioned with them.
/// </summary>
public static class SessionRollupTriggers
{
    private const string Table = "aibridge_session_rollups";

    // The columns whose change can move an interception between groups or change a group's figures.
    private const string GroupingColumns = "session_id, initiator_id, provider, model, client, thread_root_id, started_at, ended_at";

    private sealed record Trigger(string Name, string Table, string Event, string When, string[] Statements);

    private sealed record Dialect(bool Postgres)
    {
        /// <summary>Greatest of two nullable values, ignoring NULL (PostgreSQL's GREATEST does; SQLite's max does not).</summary>
        public string Greatest(string a, string b) => Postgres ? $"GREATEST({a}, {b})" : $"max(coalesce({a}, {b}), coalesce({b}, {a}))";

        public string Least(string a, string b) => Postgres ? $"LEAST({a}, {b})" : $"min({a}, {b})";
    }

    /// <summary>Each interception's four slices (see <see cref="RollupSlices"/>).</summary>
    private const string Dimensions = "(SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d";

    private const string SliceOf =
        $"CASE d.n WHEN 1 THEN '{RollupSlices.All}' WHEN 2 THEN '{RollupSlices.ProviderPrefix}' || i.provider "
        + $"WHEN 3 THEN '{RollupSlices.ModelPrefix}' || i.model ELSE '{RollupSlices.ClientPrefix}' || COALESCE(i.client, 'Unknown') END";

    /// <summary>The rows of the completed interceptions <c>i</c> matching <paramref name="where"/>, summed per slice.</summary>
    private static string Aggregate(string where) => $"""
        SELECT i.session_id, i.initiator_id, {SliceOf},
          COUNT(DISTINCT i.id), COUNT(DISTINCT CASE WHEN i.thread_root_id IS NULL THEN i.id END),
          MIN(i.started_at), MAX(i.ended_at), MAX(p.created_at), COALESCE(MAX(p.created_at), MIN(i.started_at))
        FROM aibridge_interceptions AS i
        CROSS JOIN {Dimensions}
        LEFT JOIN aibridge_user_prompts AS p ON p.interception_id = i.id
        WHERE i.ended_at IS NOT NULL AND ({where})
        GROUP BY i.session_id, i.initiator_id, {SliceOf}
        """;

    /// <summary>Adds the aggregate to the rows it belongs to, creating those that do not exist yet.</summary>
    private static string Merge(Dialect sql, string where)
    {
        var prompted = sql.Greatest($"{Table}.prompted_at", "excluded.prompted_at");
        var started = sql.Least($"{Table}.started_at", "excluded.started_at");
        return $"""
            INSERT INTO {Table} (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
            {Aggregate(where)}
            ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
              interceptions = {Table}.interceptions + excluded.interceptions,
              threads = {Table}.threads + excluded.threads,
              started_at = {started},
              ended_at = {sql.Greatest($"{Table}.ended_at", "excluded.ended_at")},
              prompted_at = {prompted},
              last_active_at = COALESCE({prompted}, {started})
            """;
    }

    /// <summary>Rebuilds the rows of the (session, initiator) groups that <paramref name="groups"/> names, from the source.</summary>
    private static string[] Rebuild(Dialect sql, string groups) =>
    [
        $"DELETE FROM {Table} WHERE (session_id, initiator_id) IN ({groups})",
        Merge(sql, $"(i.session_id, i.initiator_id) IN ({groups})"),
    ];

    private static string GroupOf(string interceptionId) =>
        $"SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id = {interceptionId}";

    private static Trigger[] Triggers(Dialect sql) =>
    [
        new("aibridge_rollup_interception_inserted", "aibridge_interceptions", "INSERT", "NEW.ended_at IS NOT NULL",
            [Merge(sql, "i.id = NEW.id")]),
        new("aibridge_rollup_interception_completed", "aibridge_interceptions", $"UPDATE OF {GroupingColumns}",
            "OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL",
            [Merge(sql, "i.id = NEW.id")]),
        new("aibridge_rollup_interception_changed", "aibridge_interceptions", $"UPDATE OF {GroupingColumns}", "OLD.ended_at IS NOT NULL",
            Rebuild(sql, "SELECT OLD.session_id, OLD.initiator_id UNION ALL SELECT NEW.session_id, NEW.initiator_id")),
        new("aibridge_rollup_interception_deleted", "aibridge_interceptions", "DELETE", "OLD.ended_at IS NOT NULL",
            Rebuild(sql, "SELECT OLD.session_id, OLD.initiator_id")),
        new("aibridge_rollup_prompt_inserted", "aibridge_user_prompts", "INSERT", "1 = 1",
        [
            $"""
            UPDATE {Table} SET
              prompted_at = {sql.Greatest("prompted_at", "NEW.created_at")},
              last_active_at = {sql.Greatest("prompted_at", "NEW.created_at")}
            WHERE (session_id, initiator_id, slice) IN (
              SELECT i.session_id, i.initiator_id, {SliceOf}
              FROM aibridge_interceptions AS i CROSS JOIN {Dimensions}
              WHERE i.id = NEW.interception_id AND i.ended_at IS NOT NULL)
            """,
        ]),
        new("aibridge_rollup_prompt_changed", "aibridge_user_prompts", "UPDATE OF interception_id, created_at", "1 = 1",
            Rebuild(sql, $"{GroupOf("OLD.interception_id")} UNION ALL {GroupOf("NEW.interception_id")}")),
        new("aibridge_rollup_prompt_deleted", "aibridge_user_prompts", "DELETE", "1 = 1",
            Rebuild(sql, GroupOf("OLD.interception_id"))),
    ];

    /// <summary>Fills the table from what is already stored.</summary>
    private static string[] Backfill(Dialect sql) => [$"DELETE FROM {Table}", Merge(sql, "1 = 1")];

    /// <summary>The statements that install the triggers and fill the table.</summary>
    public static string[] Create(bool postgres)
    {
        var sql = new Dialect(postgres);
        var triggers = Triggers(sql).SelectMany(t => postgres ? PostgresTrigger(t) : [SqliteTrigger(t)]);
        return [.. triggers, .. Backfill(sql)];
    }

    public static string[] Drop(bool postgres) =>
        Triggers(new Dialect(postgres))
            .SelectMany(t => postgres
                ? new[] { $"DROP TRIGGER IF EXISTS {t.Name} ON {t.Table}", $"DROP FUNCTION IF EXISTS {t.Name}()" }
                : [$"DROP TRIGGER IF EXISTS {t.Name}"])
            .ToArray();

    private static string[] PostgresTrigger(Trigger t) =>
    [
        $"""
        CREATE FUNCTION {t.Name}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
        {string.Join(";\n", t.Statements)};
        RETURN NULL;
        END
        $body$
        """,
        $"CREATE TRIGGER {t.Name} AFTER {t.Event} ON {t.Table} FOR EACH ROW WHEN ({t.When}) EXECUTE FUNCTION {t.Name}()",
    ];

    private static string SqliteTrigger(Trigger t) => $"""
        CREATE TRIGGER {t.Name} AFTER {t.Event} ON {t.Table} FOR EACH ROW WHEN {t.When}
        BEGIN
        {string.Join(";\n", t.Statements)};
        END
        """;
}
