import type { InterceptionDto } from "@aibridge/client";
import { useMemo, useState } from "react";
import { api, query, term } from "../api";
import { defaultFilters, Filters, type FilterValues, since } from "../components/Filters";
import { Empty, ErrorView, Loading } from "../components/States";
import { Time } from "../components/Time";
import { usePages } from "../components/usePages";
import { count, milliseconds } from "../format";

const pageSize = 50;

export function InterceptionsPage() {
  const [filters, setFilters] = useState<FilterValues>(defaultFilters);
  const [status, setStatus] = useState("");
  // The window's start is fixed when the range is chosen: a new one on each render would reload forever.
  const startedAfter = useMemo(() => since(filters.hours), [filters.hours]);
  const q = query(term("initiator", filters.user), term("provider", filters.provider), term("model", filters.model), term("client", filters.client),
    term("status", status), startedAfter);

  const { rows, total, state, error, more } = usePages<InterceptionDto>(q, async (after) => {
    const page = await api.interceptions.list(q, pageSize, undefined, after?.id);
    return { rows: page.results, total: page.count };
  });

  return (
    <section>
      <h1>Interceptions</h1>
      <div className="toolbar">
        <Filters value={filters} onChange={setFilters} />
        <label>
          Status
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            <option value="completed">Completed</option>
            <option value="failed">Failed</option>
          </select>
        </label>
      </div>
      {state === "loading" && <Loading what="interceptions" />}
      {state === "error" && <ErrorView message={error} />}
      {state !== "loading" && state !== "error" && rows.length === 0 && <Empty>No interceptions match these filters in this time range.</Empty>}
      {rows.length > 0 && state !== "loading" && (
        <>
          <table className="list interceptions">
            <thead>
              <tr><th>Started</th><th>User</th><th>Provider</th><th>Model</th><th>Client</th><th className="num">Status</th><th className="num">In / Out</th><th className="num">TTFB</th><th className="num">Duration</th><th>Prompt</th></tr>
            </thead>
            <tbody>
              {rows.map((i) => {
                const tokens = i.token_usages.reduce((s, u) => ({ in: s.in + u.input_tokens, out: s.out + u.output_tokens }), { in: 0, out: 0 });
                return (
                  <tr key={i.id}>
                    <td><Time at={i.started_at} /></td>
                    <td>{i.initiator.username}</td>
                    <td>{i.provider_name}</td>
                    <td>{i.model}</td>
                    <td>{i.client ?? "Unknown"}</td>
                    <td className={`num ${i.error ? "bad" : ""}`} title={i.error?.message}>{i.status_code ?? (i.ended_at ? "—" : "in flight")}</td>
                    <td className="num">{count(tokens.in)} / {count(tokens.out)}</td>
                    <td className="num">{milliseconds(i.ttfb_ms)}</td>
                    <td className="num">{milliseconds(i.duration_ms)}</td>
                    <td className="prompt">{i.user_prompts[0]?.prompt ?? ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="paging">
            Showing {count(rows.length)} of {count(total)}
            {rows.length < total && (
              <button type="button" disabled={state === "more"} onClick={more}>{state === "more" ? "Loading…" : "Load more"}</button>
            )}
          </p>
        </>
      )}
    </section>
  );
}
