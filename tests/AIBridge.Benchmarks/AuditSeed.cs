namespace AIBridge.Benchmarks;

/// <summary>
/// Q1's data: <c>n</c> interceptions in sessions of ten (three threads each, half with a client session
/// id), 20 users, three providers' worth of models and clients, one token row per interception, a prompt
/// per thread root and a tool call on most interceptions. Written by the database itself, in SQL.
/// </summary>
public static class AuditSeed
{
    /// <summary>PostgreSQL: uuids from md5, timestamps 3 s apart.</summary>
    public static string[] Postgres(int n) =>
    [
        """
        insert into users (id, username, normalized_username, email, normalized_email, name, avatar_url, hashed_password, status, roles, created_at, updated_at, last_seen_at)
        select md5('u'||u)::uuid, 'user'||u, 'user'||u, 'user'||u||'@x.com', 'user'||u||'@x.com', '', '', hashed_password, 'active', '[]', now(), now(), now()
        from users, generate_series(1,19) u where username='bench'
        """,
        $"""
        insert into aibridge_interceptions (id, initiator_id, api_key_id, provider, provider_name, model, client, client_session_id, thread_parent_id, thread_root_id, session_id, metadata, credential_kind, credential_hint, started_at, ended_at)
        select md5('i'||n)::uuid,
          case when (n/10)%20 = 0 then (select id from users where username='bench') else md5('u'||((n/10)%20))::uuid end,
          'abcdefghij',
          case when (n/10)%3=0 then 'openai' else 'anthropic' end, case when (n/10)%3=0 then 'openai' else 'anthropic' end,
          (array['claude-sonnet-4','claude-opus-4','gpt-5','gpt-4.1','claude-haiku-4'])[1+(n%5)],
          case when (n/10)%7=0 then null else (array['Claude Code','Codex','Cursor','GitHub Copilot'])[1+((n/10)%4)] end,
          case when (n/10)%2=0 then 'sess-'||(n/10) else null end,
          case when n%10 in (0,4,7) then null else md5('i'||(n-1))::uuid end,
          case when n%10 in (0,4,7) then null else md5('i'||(n - (case when n%10<4 then n%10 when n%10<7 then n%10-4 else n%10-7 end)))::uuid end,
          case when (n/10)%2=0 then 'sess-'||(n/10) else md5('i'||(n - (case when n%10<4 then n%10 when n%10<7 then n%10-4 else n%10-7 end)))::uuid::text end,
          '{"{"}"request_user_agent":"claude-cli/2.0"{"}"}', 'centralized', 'sk-a...wxyz',
          timestamp '2025-01-01' + (n * interval '3 seconds'), timestamp '2025-01-01' + (n * interval '3 seconds') + interval '2 seconds'
        from generate_series(0, {n - 1}) n
        """,
        $"""
        insert into aibridge_user_prompts (id, interception_id, provider_response_id, prompt, metadata, created_at)
        select md5('p'||n)::uuid, md5('i'||n)::uuid, 'msg_'||n, 'Please refactor module '||n||' and add tests for its edge cases', '{"{}"}', timestamp '2025-01-01' + (n * interval '3 seconds') + interval '1 second'
        from generate_series(0, {n - 1}) n where n%10 in (0,4,7)
        """,
        $"""
        insert into aibridge_token_usages (id, interception_id, provider_response_id, input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, cost_micros, metadata, created_at)
        select md5('t'||n)::uuid, md5('i'||n)::uuid, 'msg_'||n, 100+n%50, 20+n%30, n%1000, n%100, case when n%50 = 0 then null else 3*(100+n%50) + 15*(20+n%30) end, ('{"{"}"cache_read_input":'||(n%1000)||'{"}"}')::jsonb, timestamp '2025-01-01' + (n * interval '3 seconds') + interval '2 seconds'
        from generate_series(0, {n - 1}) n
        """,
        $"""
        insert into aibridge_tool_usages (id, interception_id, provider_response_id, provider_tool_call_id, tool, input, injected, metadata, created_at)
        select md5('x'||n)::uuid, md5('i'||n)::uuid, 'msg_'||n, 'toolu_'||n, (array['Read','Edit','Bash','Grep'])[1+n%4], '{"{"}"file_path":"/src/f'||n||'.cs"{"}"}', false, '{"{}"}', timestamp '2025-01-01' + (n * interval '3 seconds') + interval '2 seconds'
        from generate_series(0, {n - 1}) n where n%10 not in (3,6,9)
        """,
        // One coding session of LongSessionTurns turns in one thread, its cache growing turn by turn and
        // busting every 50th: the prompt-cache report's worst case.
        $"""
        insert into aibridge_interceptions (id, initiator_id, api_key_id, provider, provider_name, model, client, client_session_id, thread_parent_id, thread_root_id, session_id, metadata, credential_kind, credential_hint, started_at, ended_at, system_hash, tools_hash)
        select md5('L'||k)::uuid, (select id from users where username='bench'), 'abcdefghij', 'anthropic', 'anthropic', 'claude-sonnet-4-5', 'Claude Code', '{LongSessionId}',
          case when k = 0 then null else md5('L'||(k-1))::uuid end, case when k = 0 then null else md5('L0')::uuid end, '{LongSessionId}',
          '{"{}"}', 'centralized', 'sk-a...wxyz', timestamp '2025-06-15' + (k * interval '20 seconds'), timestamp '2025-06-15' + (k * interval '20 seconds') + interval '5 seconds',
          'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
        from generate_series(0, {LongSessionTurns - 1}) k
        """,
        $"""
        insert into aibridge_token_usages (id, interception_id, provider_response_id, input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, cost_micros, metadata, created_at)
        select md5('LT'||k)::uuid, md5('L'||k)::uuid, 'msg_L'||k, 3, 200, case when k%50 = 0 then 0 else 20000+k*100 end, case when k%50 = 0 then 20000+k*100 else 300 end, 1000, '{"{}"}', timestamp '2025-06-15' + (k * interval '20 seconds') + interval '5 seconds'
        from generate_series(0, {LongSessionTurns - 1}) k
        """,
        "vacuum analyze",
    ];

    /// <summary>The session of <see cref="LongSessionTurns"/> turns.</summary>
    public const string LongSessionId = "sess-long";

    public const int LongSessionTurns = 500;

    /// <summary>SQLite: EF's text forms (upper-case GUIDs, 'yyyy-MM-dd HH:mm:ss' UTC), rows from a recursive CTE.</summary>
    public static string[] Sqlite(int n)
    {
        const string Uuid = "printf('%08X-%04X-4%03X-8%03X-%012X', {0}, {1}, 0, 0, {2})";
        string Id(string kind, string x) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Uuid, x, kind, "0");
        string Series(int count) => $"with recursive s(n) as (select 0 union all select n+1 from s where n < {count - 1})";
        var root = "(n - (case when n%10<4 then n%10 when n%10<7 then n%10-4 else n%10-7 end))";
        var userId = $"case when (n/10)%20 = 0 then (select id from users where username='bench') else printf('00000000-0000-4000-8000-%012X', (n/10)%20) end";
        return
        [
            """
            insert into users (id, username, normalized_username, email, normalized_email, name, avatar_url, hashed_password, status, roles, created_at, updated_at, last_seen_at)
            select printf('00000000-0000-4000-8000-%012X', u.n), 'user'||u.n, 'user'||u.n, 'user'||u.n||'@x.com', 'user'||u.n||'@x.com', '', '', hashed_password, 'active', '[]', created_at, updated_at, last_seen_at
            from users, (with recursive s(n) as (select 1 union all select n+1 from s where n < 19) select n from s) u where username='bench'
            """,
            $"""
            insert into aibridge_interceptions (id, initiator_id, api_key_id, provider, provider_name, model, client, client_session_id, thread_parent_id, thread_root_id, session_id, metadata, credential_kind, credential_hint, started_at, ended_at)
            {Series(n)}
            select {Id("1", "n")}, {userId}, 'abcdefghij',
              case when (n/10)%3=0 then 'openai' else 'anthropic' end, case when (n/10)%3=0 then 'openai' else 'anthropic' end,
              case n%5 when 0 then 'claude-sonnet-4' when 1 then 'claude-opus-4' when 2 then 'gpt-5' when 3 then 'gpt-4.1' else 'claude-haiku-4' end,
              case when (n/10)%7=0 then null else case (n/10)%4 when 0 then 'Claude Code' when 1 then 'Codex' when 2 then 'Cursor' else 'GitHub Copilot' end end,
              case when (n/10)%2=0 then 'sess-'||(n/10) else null end,
              case when n%10 in (0,4,7) then null else {Id("1", "n-1")} end,
              case when n%10 in (0,4,7) then null else {Id("1", root)} end,
              case when (n/10)%2=0 then 'sess-'||(n/10) else lower({Id("1", root)}) end,
              '{"{"}"request_user_agent":"claude-cli/2.0"{"}"}', 'centralized', 'sk-a...wxyz',
              strftime('%Y-%m-%d %H:%M:%S', '2025-01-01', '+'||(n*3)||' seconds'), strftime('%Y-%m-%d %H:%M:%S', '2025-01-01', '+'||(n*3+2)||' seconds')
            from s
            """,
            $"""
            insert into aibridge_user_prompts (id, interception_id, provider_response_id, prompt, metadata, created_at)
            {Series(n)}
            select {Id("2", "n")}, {Id("1", "n")}, 'msg_'||n, 'Please refactor module '||n||' and add tests for its edge cases', '{"{}"}', strftime('%Y-%m-%d %H:%M:%S', '2025-01-01', '+'||(n*3+1)||' seconds')
            from s where n%10 in (0,4,7)
            """,
            $"""
            insert into aibridge_token_usages (id, interception_id, provider_response_id, input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, cost_micros, metadata, created_at)
            {Series(n)}
            select {Id("3", "n")}, {Id("1", "n")}, 'msg_'||n, 100+n%50, 20+n%30, n%1000, n%100, case when n%50 = 0 then null else 3*(100+n%50) + 15*(20+n%30) end, '{"{"}"cache_read_input":'||(n%1000)||'{"}"}', strftime('%Y-%m-%d %H:%M:%S', '2025-01-01', '+'||(n*3+2)||' seconds')
            from s
            """,
            $"""
            insert into aibridge_tool_usages (id, interception_id, provider_response_id, provider_tool_call_id, tool, input, injected, metadata, created_at)
            {Series(n)}
            select {Id("4", "n")}, {Id("1", "n")}, 'msg_'||n, 'toolu_'||n, case n%4 when 0 then 'Read' when 1 then 'Edit' when 2 then 'Bash' else 'Grep' end, '{"{"}"file_path":"/src/f'||n||'.cs"{"}"}', 0, '{"{}"}', strftime('%Y-%m-%d %H:%M:%S', '2025-01-01', '+'||(n*3+2)||' seconds')
            from s where n%10 not in (3,6,9)
            """,
            $"""
            insert into aibridge_interceptions (id, initiator_id, api_key_id, provider, provider_name, model, client, client_session_id, thread_parent_id, thread_root_id, session_id, metadata, credential_kind, credential_hint, started_at, ended_at, system_hash, tools_hash)
            {Series(LongSessionTurns)}
            select {Id("5", "n")}, (select id from users where username='bench'), 'abcdefghij', 'anthropic', 'anthropic', 'claude-sonnet-4-5', 'Claude Code', '{LongSessionId}',
              case when n = 0 then null else {Id("5", "n-1")} end, case when n = 0 then null else {Id("5", "0")} end, '{LongSessionId}',
              '{"{}"}', 'centralized', 'sk-a...wxyz', strftime('%Y-%m-%d %H:%M:%S', '2025-06-15', '+'||(n*20)||' seconds'), strftime('%Y-%m-%d %H:%M:%S', '2025-06-15', '+'||(n*20+5)||' seconds'),
              'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
            from s
            """,
            $"""
            insert into aibridge_token_usages (id, interception_id, provider_response_id, input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, cost_micros, metadata, created_at)
            {Series(LongSessionTurns)}
            select {Id("6", "n")}, {Id("5", "n")}, 'msg_L'||n, 3, 200, case when n%50 = 0 then 0 else 20000+n*100 end, case when n%50 = 0 then 20000+n*100 else 300 end, 1000, '{"{}"}', strftime('%Y-%m-%d %H:%M:%S', '2025-06-15', '+'||(n*20+5)||' seconds')
            from s
            """,
            "analyze",
        ];
    }
}
