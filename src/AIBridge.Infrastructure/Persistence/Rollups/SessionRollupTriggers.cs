namespace AIBridge.Infrastructure.Persistence.Rollups;

/// <summary>
/// The triggers that keep <c>aibridge_session_rollups</c> and <c>aibridge_rollup_counts</c> equal to
/// their definitions, whoever writes: the gateway's bulk writer, EF Core, a test seeder or an operator's
/// SQL.
/// </summary>
/// <remarks>
/// The hot paths (interceptions arrive completed or complete later; a prompt arrives) add to the rows
/// in place. Anything rarer (a completed row changes or is deleted, a prompt changes or goes) rebuilds
/// the affected sessions' rows from the source, which is exact whatever changed; counts are sums, so
/// they always move by the difference (interceptions from the interceptions' triggers, sessions from
/// the roll-up table's own insert and delete triggers). The set-based statements serve both databases:
/// on PostgreSQL they run once per statement over its transition tables (a bulk COPY of a batch pays
/// once); SQLite has only row triggers, so there the "tables" are the one row being written, and its
/// hot paths have row forms (<see cref="RowForms"/>).
/// Migrations run this SQL frozen as text (<c>Migrations/Sql</c>, see <c>MigrationSql</c>): a change
/// here needs a new migration carrying the new <see cref="Recreate"/> text, which <c>MigrationSqlTests</c> enforce.
/// </remarks>
public static class SessionRollupTriggers
{
    private const string Rollups = "aibridge_session_rollups";
    private const string Counts = "aibridge_rollup_counts";

    /// <summary>Columns of an interception that place it in a group or change its group's figures.</summary>
    private static readonly string[] GroupingColumns = ["session_id", "initiator_id", "provider", "model", "client", "thread_root_id", "started_at", "ended_at"];

    /// <summary>Columns that decide which counts an interception adds to.</summary>
    private static readonly string[] CountingColumns = ["initiator_id", "provider", "model", "client"];

    private static readonly string[] InterceptionColumns = ["id", .. GroupingColumns];

    /// <summary>Each interception's four slices (see <see cref="RollupSlices"/>).</summary>
    private const string Slices = "(SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS d";

    private const string SliceOf =
        $"CASE d.n WHEN 1 THEN '{RollupSlices.All}' WHEN 2 THEN '{RollupSlices.ProviderPrefix}' || i.provider "
        + $"WHEN 3 THEN '{RollupSlices.ModelPrefix}' || i.model ELSE '{RollupSlices.ClientPrefix}' || COALESCE(i.client, 'Unknown') END";

    /// <summary>Where the rows a statement wrote come from: transition tables, or the trigger's one row.</summary>
    private sealed record Dialect(bool Postgres)
    {
        public string NewRows => Postgres ? "new_rows" : Row("NEW", InterceptionColumns);

        public string OldRows => Postgres ? "old_rows" : Row("OLD", InterceptionColumns);

        public string NewPrompts => Postgres ? "new_prompts" : Row("NEW", ["interception_id", "created_at"]);

        public string OldPrompts => Postgres ? "old_prompts" : Row("OLD", ["interception_id", "created_at"]);

        public string NewRollups => Postgres ? "new_rollups" : Row("NEW", ["initiator_id", "slice"]);

        public string OldRollups => Postgres ? "old_rollups" : Row("OLD", ["initiator_id", "slice"]);

        /// <summary>Greatest of two nullable values, ignoring NULL (PostgreSQL's GREATEST does; SQLite's max does not).</summary>
        public string Greatest(string a, string b) => Postgres ? $"GREATEST({a}, {b})" : $"max(coalesce({a}, {b}), coalesce({b}, {a}))";

        public string Least(string a, string b) => Postgres ? $"LEAST({a}, {b})" : $"min({a}, {b})";

        private static string Row(string which, string[] columns) =>
            "(SELECT " + string.Join(", ", columns.Select(c => $"{which}.{c} AS {c}")) + ")";
    }

    private static string Differs(string a, string b, string[] columns) =>
        $"({string.Join(", ", columns.Select(c => $"{a}.{c}"))}) IS DISTINCT FROM ({string.Join(", ", columns.Select(c => $"{b}.{c}"))})";

    /// <summary>Each updated row before and after (<c>o</c>, <c>n</c>); a SELECT, so that two can be a UNION.</summary>
    private static string Paired(Dialect sql, string select, string where) =>
        $"SELECT {select} FROM {sql.OldRows} AS o JOIN {sql.NewRows} AS n ON n.id = o.id WHERE {where}";

    /// <summary>The completed interceptions of <paramref name="source"/>, summed per group and slice.</summary>
    /// <remarks>One row per interception (its latest prompt looked up by index), so plain sums hash-aggregate.</remarks>
    private static string Aggregate(string source, string where) => $"""
        SELECT i.session_id, i.initiator_id, {SliceOf},
          COUNT(*), SUM(CASE WHEN i.thread_root_id IS NULL THEN 1 ELSE 0 END),
          MIN(i.started_at), MAX(i.ended_at), MAX(i.prompted_at), COALESCE(MAX(i.prompted_at), MIN(i.started_at))
        FROM (
          SELECT i.*, (SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = i.id) AS prompted_at
          FROM {source} AS i
          WHERE i.ended_at IS NOT NULL AND ({where})) AS i
        CROSS JOIN {Slices}
        GROUP BY i.session_id, i.initiator_id, {SliceOf}
        """;

    /// <summary>Adds the aggregate to the rows it belongs to, creating those that do not exist yet.</summary>
    private static string Merge(Dialect sql, string source, string where = "1 = 1") => $"""
        INSERT INTO {Rollups} (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
        {Aggregate(source, where)}
        {MergeConflict(sql)}
        """;

    private static string MergeConflict(Dialect sql)
    {
        var prompted = sql.Greatest($"{Rollups}.prompted_at", "excluded.prompted_at");
        var started = sql.Least($"{Rollups}.started_at", "excluded.started_at");
        return $"""
            ON CONFLICT (session_id, initiator_id, slice) DO UPDATE SET
              interceptions = {Rollups}.interceptions + excluded.interceptions,
              threads = {Rollups}.threads + excluded.threads,
              started_at = {started},
              ended_at = {sql.Greatest($"{Rollups}.ended_at", "excluded.ended_at")},
              prompted_at = {prompted},
              last_active_at = COALESCE({prompted}, {started})
            """;
    }

    /// <summary>Rebuilds the rows of the (session, initiator) groups that <paramref name="groups"/> names, from the source.</summary>
    private static string[] Rebuild(Dialect sql, string groups) =>
    [
        $"DELETE FROM {Rollups} WHERE (session_id, initiator_id) IN ({groups})",
        Merge(sql, "aibridge_interceptions", $"(i.session_id, i.initiator_id) IN ({groups})"),
    ];

    /// <summary>Adds (or, with <paramref name="sign"/> "-", takes away) the completed interceptions of <paramref name="source"/>.</summary>
    private static string Count(string source, string sign) => $"""
        INSERT INTO {Counts} (initiator_id, slice, interceptions, sessions)
        SELECT i.initiator_id, {SliceOf}, {sign}COUNT(*), 0
        FROM {source} AS i CROSS JOIN {Slices}
        WHERE i.ended_at IS NOT NULL
        GROUP BY i.initiator_id, {SliceOf}
        ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = {Counts}.interceptions + excluded.interceptions
        """;

    /// <summary>Adds (or takes away) the roll-up rows of <paramref name="source"/>: each is one session of its initiator and slice.</summary>
    private static string CountSessions(string source, string sign) => $"""
        INSERT INTO {Counts} (initiator_id, slice, interceptions, sessions)
        SELECT r.initiator_id, r.slice, 0, {sign}COUNT(*)
        FROM {source} AS r
        GROUP BY r.initiator_id, r.slice
        ON CONFLICT (initiator_id, slice) DO UPDATE SET sessions = {Counts}.sessions + excluded.sessions
        """;

    /// <summary>
    /// SQLite's hot paths, for one row: plain multi-row upserts instead of the set-based forms, which
    /// build a temporary table for the slices and one for the grouping on every row (ADR 0012).
    /// </summary>
    private static class RowForms
    {
        private static string[] SlicesOf(string row) =>
        [
            $"'{RollupSlices.All}'",
            $"'{RollupSlices.ProviderPrefix}' || {row}.provider",
            $"'{RollupSlices.ModelPrefix}' || {row}.model",
            $"'{RollupSlices.ClientPrefix}' || COALESCE({row}.client, 'Unknown')",
        ];

        /// <summary>The completed interception NEW added to its four roll-up rows and counts.</summary>
        public static string[] Add(Dialect sql)
        {
            const string Prompted = "(SELECT MAX(p.created_at) FROM aibridge_user_prompts AS p WHERE p.interception_id = NEW.id)";
            var rollups = SlicesOf("NEW").Select(slice =>
                $"(NEW.session_id, NEW.initiator_id, {slice}, 1, CASE WHEN NEW.thread_root_id IS NULL THEN 1 ELSE 0 END, NEW.started_at, NEW.ended_at, {Prompted}, COALESCE({Prompted}, NEW.started_at))");
            var counts = SlicesOf("NEW").Select(slice => $"(NEW.initiator_id, {slice}, 1, 0)");
            return
            [
                $"""
                INSERT INTO {Counts} (initiator_id, slice, interceptions, sessions) VALUES {string.Join(", ", counts)}
                ON CONFLICT (initiator_id, slice) DO UPDATE SET interceptions = {Counts}.interceptions + 1
                """,
                $"""
                INSERT INTO {Rollups} (session_id, initiator_id, slice, interceptions, threads, started_at, ended_at, prompted_at, last_active_at)
                VALUES {string.Join(", ", rollups)}
                {MergeConflict(sql)}
                """,
            ];
        }

        /// <summary>The prompt NEW moves its completed interception's roll-up rows' activity.</summary>
        public static string Prompt(Dialect sql) => $"""
            UPDATE {Rollups} SET
              prompted_at = {sql.Greatest("prompted_at", "NEW.created_at")},
              last_active_at = {sql.Greatest("prompted_at", "NEW.created_at")}
            WHERE (session_id, initiator_id) = (SELECT i.session_id, i.initiator_id FROM aibridge_interceptions AS i WHERE i.id = NEW.interception_id AND i.ended_at IS NOT NULL)
              AND slice IN (SELECT {string.Join(" UNION ALL SELECT ", SlicesOf("i").Select(slice => $"{slice} FROM aibridge_interceptions AS i WHERE i.id = NEW.interception_id"))})
            """;

        public static string CountSession(string row, string delta) => $"""
            INSERT INTO {Counts} (initiator_id, slice, interceptions, sessions) VALUES ({row}.initiator_id, {row}.slice, 0, {delta})
            ON CONFLICT (initiator_id, slice) DO UPDATE SET sessions = {Counts}.sessions + excluded.sessions
            """;
    }

    private static string GroupsOfPrompts(string prompts) =>
        $"SELECT g.session_id, g.initiator_id FROM aibridge_interceptions AS g WHERE g.id IN (SELECT interception_id FROM {prompts})";

    private sealed record Trigger(string Name, string Table, string Event, string[] Statements)
    {
        /// <summary>SQLite: the row form, where the shared set-based one is too slow a row at a time.</summary>
        public string[]? SqliteStatements { get; init; }

        /// <summary>PostgreSQL: the transition tables the statements read.</summary>
        public string Referencing { get; init; } = "";

        /// <summary>SQLite: when the row trigger has anything to do.</summary>
        public string When { get; init; } = "1 = 1";

        /// <summary>
        /// PostgreSQL: when the statement has anything to do; most updates only end interceptions, and
        /// the statements' joins over the transition tables cost even when they select nothing.
        /// </summary>
        public string PostgresWhen { get; init; } = "TRUE";
    }

    private static Trigger[] Triggers(Dialect sql)
    {
        // Rebuilds name one group query each: SQLite seeks an index for "IN (SELECT …)", not for a UNION.
        var completedNow = $"({Paired(sql, "n.*", "o.ended_at IS NULL")})";
        var regrouped = $"o.ended_at IS NOT NULL AND {Differs("o", "n", GroupingColumns)}";
        var recounted = Differs("o", "n", CountingColumns);
        return
        [
            new("aibridge_rollups_interceptions_inserted", "aibridge_interceptions", "INSERT",
                [Count(sql.NewRows, "+"), Merge(sql, sql.NewRows)])
            {
                Referencing = "REFERENCING NEW TABLE AS new_rows",
                When = "NEW.ended_at IS NOT NULL",
                PostgresWhen = "EXISTS (SELECT 1 FROM new_rows WHERE ended_at IS NOT NULL)",
                SqliteStatements = RowForms.Add(sql),
            },
            new("aibridge_rollups_interceptions_completed", "aibridge_interceptions", "UPDATE",
                [Count(completedNow, "+"), Merge(sql, completedNow)])
            {
                Referencing = "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
                When = "OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL",
                PostgresWhen = "EXISTS (SELECT 1 FROM new_rows WHERE ended_at IS NOT NULL)",
                SqliteStatements = RowForms.Add(sql),
            },
            new("aibridge_rollups_interceptions_changed", "aibridge_interceptions", "UPDATE",
            [
                Count($"({Paired(sql, "o.*", $"o.ended_at IS NOT NULL AND ({recounted} OR n.ended_at IS NULL)")})", "-"),
                Count($"({Paired(sql, "n.*", $"o.ended_at IS NOT NULL AND {recounted}")})", "+"),
                .. Rebuild(sql, Paired(sql, "o.session_id, o.initiator_id", regrouped)),
                .. Rebuild(sql, Paired(sql, "n.session_id, n.initiator_id", regrouped)),
            ])
            {
                Referencing = "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
                When = "OLD.ended_at IS NOT NULL",
                PostgresWhen = "EXISTS (SELECT 1 FROM old_rows WHERE ended_at IS NOT NULL)",
            },
            new("aibridge_rollups_interceptions_deleted", "aibridge_interceptions", "DELETE",
                [Count(sql.OldRows, "-"), .. Rebuild(sql, $"SELECT r.session_id, r.initiator_id FROM {sql.OldRows} AS r WHERE r.ended_at IS NOT NULL")])
            {
                Referencing = "REFERENCING OLD TABLE AS old_rows",
                When = "OLD.ended_at IS NOT NULL",
                PostgresWhen = "EXISTS (SELECT 1 FROM old_rows WHERE ended_at IS NOT NULL)",
            },
            new("aibridge_rollups_prompts_inserted", "aibridge_user_prompts", "INSERT",
            [
                $"""
                UPDATE {Rollups} SET
                  prompted_at = {sql.Greatest($"{Rollups}.prompted_at", "x.at")},
                  last_active_at = {sql.Greatest($"{Rollups}.prompted_at", "x.at")}
                FROM (
                  SELECT i.session_id, i.initiator_id, {SliceOf} AS slice, MAX(np.created_at) AS at
                  FROM {sql.NewPrompts} AS np
                  JOIN aibridge_interceptions AS i ON i.id = np.interception_id
                  CROSS JOIN {Slices}
                  WHERE i.ended_at IS NOT NULL
                  GROUP BY i.session_id, i.initiator_id, {SliceOf}) AS x
                WHERE {Rollups}.session_id = x.session_id AND {Rollups}.initiator_id = x.initiator_id AND {Rollups}.slice = x.slice
                """,
            ])
            {
                Referencing = "REFERENCING NEW TABLE AS new_prompts",
                SqliteStatements = [RowForms.Prompt(sql)],
            },
            new("aibridge_rollups_prompts_updated", "aibridge_user_prompts", "UPDATE",
                [.. Rebuild(sql, GroupsOfPrompts(sql.OldPrompts)), .. Rebuild(sql, GroupsOfPrompts(sql.NewPrompts))])
            {
                Referencing = "REFERENCING OLD TABLE AS old_prompts NEW TABLE AS new_prompts",
            },
            new("aibridge_rollups_prompts_deleted", "aibridge_user_prompts", "DELETE",
                Rebuild(sql, GroupsOfPrompts(sql.OldPrompts)))
            {
                Referencing = "REFERENCING OLD TABLE AS old_prompts",
            },

            // An upsert that updates fires no insert trigger, so these see exactly the sessions that appear and go.
            new("aibridge_rollups_sessions_inserted", Rollups, "INSERT", [CountSessions(sql.NewRollups, "+")])
            {
                Referencing = "REFERENCING NEW TABLE AS new_rollups",
                SqliteStatements = [RowForms.CountSession("NEW", "1")],
            },
            new("aibridge_rollups_sessions_deleted", Rollups, "DELETE", [CountSessions(sql.OldRollups, "-")])
            {
                Referencing = "REFERENCING OLD TABLE AS old_rollups",
                SqliteStatements = [RowForms.CountSession("OLD", "-1")],
            },
        ];
    }

    /// <summary>Fills both tables from what is already stored (the roll-ups' insert trigger counts the sessions).</summary>
    private static string[] Backfill(Dialect sql) =>
        [$"DELETE FROM {Counts}", $"DELETE FROM {Rollups}", Merge(sql, "aibridge_interceptions"), Count("aibridge_interceptions", "+")];

    /// <summary>The statements that install the triggers and fill the tables.</summary>
    public static string[] Create(bool postgres) => [.. Install(postgres), .. Backfill(new Dialect(postgres))];

    /// <summary>Replaces the triggers with the current ones; the tables stay as they are.</summary>
    public static string[] Recreate(bool postgres) => [.. Drop(postgres), .. Install(postgres)];

    private static IEnumerable<string> Install(bool postgres) =>
        Triggers(new Dialect(postgres)).SelectMany(t => postgres ? PostgresTrigger(t) : [SqliteTrigger(t)]);

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
        IF {t.PostgresWhen} THEN
        {string.Join(";\n", t.Statements)};
        END IF;
        RETURN NULL;
        END
        $body$
        """,
        $"CREATE TRIGGER {t.Name} AFTER {t.Event} ON {t.Table} {t.Referencing} FOR EACH STATEMENT EXECUTE FUNCTION {t.Name}()",
    ];

    private static string SqliteTrigger(Trigger t) => $"""
        CREATE TRIGGER {t.Name} AFTER {t.Event} ON {t.Table} FOR EACH ROW WHEN {t.When}
        BEGIN
        {string.Join(";\n", t.SqliteStatements ?? t.Statements)};
        END
        """;
}
