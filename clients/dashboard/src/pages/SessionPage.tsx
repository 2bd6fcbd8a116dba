import type { SessionCacheDto, SessionThreadsDto, ThreadDto } from "@aibridge/client";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { api, errorMessage } from "../api";
import { CacheTimeline } from "../components/CacheTimeline";
import { ErrorView, Loading } from "../components/States";
import { Time } from "../components/Time";
import { count, dollars, duration, prettyJson, ratio } from "../format";

export function SessionPage() {
  const { id = "" } = useParams();
  const [session, setSession] = useState<SessionThreadsDto>();
  const [threads, setThreads] = useState<ThreadDto[]>([]);
  const [more, setMore] = useState(false);
  const [cache, setCache] = useState<SessionCacheDto>();
  const [error, setError] = useState<string>();
  const [search, setSearch] = useState("");

  const load = async (after?: string) => {
    try {
      const page = await api.sessions.threads(id, after, undefined, 200);
      setSession(page);
      setThreads((current) => (after ? [...current, ...page.threads] : page.threads));
      setMore(page.threads.length === 200);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  useEffect(() => {
    void load();
    api.sessions.cache(id).then(setCache, () => setCache(undefined));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return threads;
    return threads.filter((t) => (t.prompt ?? "").toLowerCase().includes(needle)
      || t.agentic_actions.some((a) => a.tool_calls.some((c) => c.tool.toLowerCase().includes(needle) || c.input.toLowerCase().includes(needle))));
  }, [threads, search]);

  if (error) return <section><h1>Session</h1><ErrorView message={error} /></section>;
  if (!session) return <Loading what="the session" />;
  const t = session.token_usage_summary;
  const toolCalls = threads.reduce((n, th) => n + th.agentic_actions.reduce((m, a) => m + a.tool_calls.length, 0), 0);
  return (
    <section>
      <p className="crumbs"><Link to="/sessions">Sessions</Link> / {session.id}</p>
      <div className="card summary">
        <h1>Session</h1>
        <dl>
          <dt>Id</dt><dd className="mono">{session.id}</dd>
          <dt>User</dt><dd>{session.initiator.username}</dd>
          <dt>Client</dt><dd>{session.client ?? "Unknown"}</dd>
          <dt>Providers</dt><dd>{session.providers.join(", ")}</dd>
          <dt>Models</dt><dd>{session.models.join(", ")}</dd>
          <dt>Started</dt><dd><Time at={session.started_at} /></dd>
          <dt>Ended</dt><dd><Time at={session.ended_at} /></dd>
          <dt>Duration</dt><dd>{duration(session.started_at, session.ended_at)}</dd>
          <dt>Tokens in / out</dt><dd>{count(t.input_tokens)} / {count(t.output_tokens)}</dd>
          <dt>Cache read / write</dt><dd>{count(t.cache_read_input_tokens)} / {count(t.cache_write_input_tokens)}</dd>
          <dt>Threads</dt><dd>{count(threads.length)}{more ? "+" : ""}</dd>
          <dt>Tool calls</dt><dd>{count(toolCalls)}</dd>
          <dt>Cost</dt><dd>{cache ? dollars(cache.cost_micros) : "—"}</dd>
          {cache && <><dt>Cache hit ratio</dt><dd>{ratio(cache.hit_ratio)}{cache.bust_count > 0 && ` (${cache.bust_count} bust${cache.bust_count > 1 ? "s" : ""}, ${dollars(cache.bust_cost_micros)})`}</dd></>}
        </dl>
      </div>
      {cache && cache.turns.length > 0 && <CacheTimeline cache={cache} />}
      <div className="toolbar">
        <h2>Threads</h2>
        <input type="search" name="search" placeholder="Search prompts, tools and inputs" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {shown.length === 0 && <p className="state empty">{search ? "Nothing in this session matches the search." : "This session has no threads."}</p>}
      <ol className="threads">
        {shown.map((thread) => <Thread key={thread.id} thread={thread} />)}
      </ol>
      {more && <button type="button" onClick={() => load(threads[threads.length - 1].id)}>Load more threads</button>}
    </section>
  );
}

function Thread({ thread }: { thread: ThreadDto }) {
  const [open, setOpen] = useState(false);
  const prompt = thread.prompt ?? "";
  const long = prompt.length > 400;
  return (
    <li className="thread card">
      <header>
        <Time at={thread.started_at} /> · {thread.provider} · {thread.model}
        {thread.error && <span className="bad"> · {thread.status_code} {thread.error.message}</span>}
      </header>
      <blockquote className="prompt">
        {prompt ? (long && !open ? `${prompt.slice(0, 400)}…` : prompt) : <em>No prompt</em>}
        {long && <button type="button" className="link" onClick={() => setOpen(!open)}>{open ? "Show less" : "Show all"}</button>}
      </blockquote>
      {thread.agentic_actions.map((action, i) => (
        <div className="action" key={i}>
          <p className="meta">
            {action.model} · {count(action.token_usage.input_tokens)} in / {count(action.token_usage.output_tokens)} out
            {action.token_usage.cache_read_input_tokens > 0 && ` · ${count(action.token_usage.cache_read_input_tokens)} cached`}
          </p>
          {action.thinking.map((th, j) => (
            <details className="thinking" key={j}>
              <summary>Thinking</summary>
              <p>{th.text}</p>
            </details>
          ))}
          {action.tool_calls.map((call) => (
            <div className="tool" key={call.id}>
              <p><span className="tool-name">{call.tool}</span>{call.injected && <span className="tag">injected</span>}</p>
              <pre>{prettyJson(call.input)}</pre>
            </div>
          ))}
        </div>
      ))}
    </li>
  );
}
