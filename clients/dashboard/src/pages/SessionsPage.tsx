import type { SessionDto } from "@aibridge/client";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, query, term } from "../api";
import { useSession } from "../auth";
import { defaultFilters, Filters, type FilterValues, since } from "../components/Filters";
import { Empty, ErrorView, Loading } from "../components/States";
import { Time } from "../components/Time";
import { usePages } from "../components/usePages";
import { count } from "../format";

const pageSize = 25;

export function SessionsPage() {
  const { user } = useSession();
  const [filters, setFilters] = useState<FilterValues>(defaultFilters);
  const [mine, setMine] = useState(false);
  const navigate = useNavigate();

  // The window's start is fixed when the range is chosen: a new one on each render would reload forever.
  const startedAfter = useMemo(() => since(filters.hours), [filters.hours]);
  const q = query(term("initiator", mine ? user.username : filters.user), term("provider", filters.provider), term("model", filters.model),
    term("client", filters.client), startedAfter);

  const { rows: sessions, total, state, error, more } = usePages<SessionDto>(q, async (after) => {
    const page = await api.sessions.list(q, pageSize, undefined, after?.id);
    return { rows: page.sessions, total: page.count };
  });

  return (
    <section>
      <h1>Sessions</h1>
      <div className="toolbar">
        <Filters value={filters} onChange={setFilters} showUser={!mine} />
        <label className="check">
          <input type="checkbox" name="mine" checked={mine} onChange={(e) => setMine(e.target.checked)} /> My sessions
        </label>
      </div>
      {state === "loading" && <Loading what="sessions" />}
      {state === "error" && <ErrorView message={error} />}
      {state !== "loading" && state !== "error" && sessions.length === 0 && <Empty>No sessions match these filters in this time range.</Empty>}
      {sessions.length > 0 && state !== "loading" && (
        <>
          <table className="list sessions">
            <thead>
              <tr>
                <th>Last prompt</th><th>User</th><th>Provider</th><th>Client</th><th className="num">In / Out tokens</th><th className="num">Threads</th><th>Last active</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const t = s.token_usage_summary;
                return (
                  <tr key={s.id} onClick={() => navigate(`/sessions/${encodeURIComponent(s.id)}`)}>
                    <td className="prompt"><Link to={`/sessions/${encodeURIComponent(s.id)}`}>{s.last_prompt || <em>No prompt</em>}</Link></td>
                    <td>{s.initiator.username}</td>
                    <td>{s.providers.join(", ")}</td>
                    <td>{s.client ?? "Unknown"}</td>
                    <td className="num" title={`Cache read ${count(t.cache_read_input_tokens)}, cache write ${count(t.cache_write_input_tokens)}`}>
                      {count(t.input_tokens)} / {count(t.output_tokens)}
                    </td>
                    <td className="num">{count(s.threads)}</td>
                    <td><Time at={s.last_active_at} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="paging">
            Showing {count(sessions.length)} of {count(total)}
            {sessions.length < total && (
              <button type="button" disabled={state === "more"} onClick={more}>
                {state === "more" ? "Loading…" : "Load more"}
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}
