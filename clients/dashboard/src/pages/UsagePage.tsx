import type { UsageBucketDto, UsageReportDto } from "@aibridge/client";
import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api, errorMessage, query, term } from "../api";
import { useSession } from "../auth";
import { Filters, type FilterValues, since } from "../components/Filters";
import { Empty, ErrorView, Loading } from "../components/States";
import { useLoad } from "../components/useLoad";
import { count, dollars, milliseconds, plural, ratio } from "../format";

type Stack = "model" | "client" | "user";

const palette = ["#4a7bd0", "#e08a3c", "#4fae7b", "#c05a9a", "#8c6bd1", "#c9b03a", "#3aa9c9", "#b0564a", "#7a8a99", "#5d9e3a"];

/** The browser's zone when the API can cut days in it (whole hours from UTC), else UTC. */
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function UsagePage() {
  const { canAudit } = useSession();
  const [filters, setFilters] = useState<FilterValues>({ user: "", provider: "", model: "", client: "", hours: 24 * 7 });
  const [stack, setStack] = useState<Stack>("model");
  const [exportError, setExportError] = useState<string>();
  // The window's start is fixed when the range is chosen: a new one on each render would reload forever.
  const startedAfter = useMemo(() => since(filters.hours), [filters.hours]);
  const q = query(canAudit ? term("initiator", filters.user) : undefined, term("provider", filters.provider), term("model", filters.model),
    term("client", filters.client), startedAfter);
  const interval = filters.hours <= 48 ? "hour" : "day";

  const [report] = useLoad(() => withZone((tz) => api.usage.get(q, interval, stack, tz, "cost", 10)), [q, interval, stack]);
  const [models] = useLoad(() => api.usage.get(q, "none", "model", "UTC", "cost", 50), [q]);
  const [leaders] = useLoad(() => (canAudit ? api.usage.get(q, "none", "user", "UTC", "cost", 10) : Promise.resolve(undefined)), [q, canAudit]);

  const exportCsv = async () => {
    setExportError(undefined);
    try {
      const file = await withZone((tz) => api.usage.export(q, interval, stack, tz, "cost", 10));
      const url = URL.createObjectURL(file.data);
      const link = document.createElement("a");
      link.href = url;
      link.download = file.fileName ?? "aibridge-usage.csv";
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setExportError(errorMessage(e));
    }
  };

  return (
    <section>
      <h1>Usage</h1>
      {!canAudit && <p className="meta">Your own usage.</p>}
      <div className="toolbar">
        <Filters value={filters} onChange={setFilters} showUser={canAudit} allTime={false} />
        <label>
          Stack by
          <select name="stack" value={stack} onChange={(e) => setStack(e.target.value as Stack)}>
            <option value="model">Model</option>
            <option value="client">Client</option>
            {canAudit && <option value="user">User</option>}
          </select>
        </label>
        <button type="button" onClick={exportCsv}>Export CSV</button>
      </div>
      {exportError && <ErrorView message={exportError} />}
      {report.state === "loading" && <Loading what="usage" />}
      {report.state === "error" && <ErrorView message={report.message} />}
      {report.state === "done" && <Overview report={report.value} stack={stack} />}
      <div className="columns">
        {canAudit && (
          <div className="card">
            <h2>Users by cost</h2>
            {leaders.state === "loading" && <Loading what="the leaderboard" />}
            {leaders.state === "error" && <ErrorView message={leaders.message} />}
            {leaders.state === "done" && leaders.value && <Leaderboard buckets={leaders.value.buckets} />}
          </div>
        )}
        <div className="card">
          <h2>Latency and cache by model</h2>
          {models.state === "loading" && <Loading what="models" />}
          {models.state === "error" && <ErrorView message={models.message} />}
          {models.state === "done" && <ModelTable buckets={models.value.buckets} />}
        </div>
      </div>
    </section>
  );
}

async function withZone<T>(call: (tz: string) => Promise<T>): Promise<T> {
  try {
    return await call(browserZone);
  } catch (e) {
    if (browserZone !== "UTC" && errorMessage(e).toLowerCase().includes("zone")) return call("UTC");
    throw e;
  }
}

function hitRatio(f: { input_tokens: number; cache_read_input_tokens: number; cache_write_input_tokens: number }): number | undefined {
  const all = f.input_tokens + f.cache_read_input_tokens + f.cache_write_input_tokens;
  return all === 0 ? undefined : f.cache_read_input_tokens / all;
}

function keyOf(bucket: UsageBucketDto, stack: Stack): string {
  return (stack === "user" ? bucket.initiator?.username : stack === "client" ? bucket.client : bucket.model) ?? "—";
}

function Overview({ report, stack }: { report: UsageReportDto; stack: Stack }) {
  const totals = report.totals;
  const tokens = totals.input_tokens + totals.output_tokens + totals.cache_read_input_tokens + totals.cache_write_input_tokens;
  const hourly = report.interval === "hour";
  const series = [...new Set(report.buckets.map((b) => keyOf(b, stack)))];
  const rows = new Map<number, Record<string, number | string>>();
  for (const bucket of report.buckets) {
    const at = bucket.start.getTime();
    const row = rows.get(at) ?? { at, label: hourly ? bucket.start.toLocaleString([], { month: "short", day: "numeric", hour: "2-digit" }) : bucket.start.toLocaleDateString() };
    const key = keyOf(bucket, stack);
    row[`cost:${key}`] = ((row[`cost:${key}`] as number) ?? 0) + (bucket.cost_micros ?? 0) / 1_000_000;
    row[`tokens:${key}`] = ((row[`tokens:${key}`] as number) ?? 0) + bucket.input_tokens + bucket.output_tokens + bucket.cache_read_input_tokens + bucket.cache_write_input_tokens;
    rows.set(at, row);
  }
  const data = [...rows.values()].sort((a, b) => (a.at as number) - (b.at as number));
  return (
    <>
      <div className="stats">
        <Stat label="Cost" value={dollars(totals.cost_micros)} note={totals.unpriced_usage_count > 0 ? `${count(totals.unpriced_usage_count)} usage rows have no price` : undefined} />
        <Stat label="Tokens" value={count(tokens)} note={`${count(totals.input_tokens)} in · ${count(totals.output_tokens)} out`} />
        <Stat label="Interceptions" value={count(totals.interceptions)} note={`${plural(totals.prompts, "prompt")} · ${plural(totals.tool_calls, "tool call")}`} />
        <Stat label="Cache hit ratio" value={ratio(hitRatio(totals))} note={`${count(totals.cache_read_input_tokens)} read from cache`} />
        <Stat label="Time to first byte" value={`${milliseconds(totals.ttfb_ms_p50)} p50`} note={`${milliseconds(totals.ttfb_ms_p95)} p95`} />
      </div>
      {data.length === 0 ? <Empty>No usage in this time range.</Empty> : (
        <div className="columns">
          <div className="card chart">
            <h2>Cost by {stack}</h2>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tickLine={false} minTickGap={16} />
                <YAxis width={72} tickFormatter={(v: number) => dollars(Math.round(v * 1_000_000))} />
                <Tooltip formatter={(v) => dollars(Math.round(Number(v) * 1_000_000))} />
                <Legend />
                {series.map((s, i) => <Bar key={s} dataKey={`cost:${s}`} name={s} stackId="cost" fill={palette[i % palette.length]} isAnimationActive={false} />)}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="card chart">
            <h2>Tokens by {stack}</h2>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tickLine={false} minTickGap={16} />
                <YAxis width={64} tickFormatter={(v: number) => Intl.NumberFormat("en-US", { notation: "compact" }).format(v)} />
                <Tooltip formatter={(v) => count(Number(v))} />
                <Legend />
                {series.map((s, i) => <Bar key={s} dataKey={`tokens:${s}`} name={s} stackId="tokens" fill={palette[i % palette.length]} isAnimationActive={false} />)}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </div>
      )}
    </>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="stat card">
      <span className="label">{label}</span>
      <span className="value" data-stat={label}>{value}</span>
      {note && <span className="note">{note}</span>}
    </div>
  );
}

function Leaderboard({ buckets }: { buckets: UsageBucketDto[] }) {
  if (buckets.length === 0) return <Empty>No usage in this time range.</Empty>;
  return (
    <table className="list leaderboard">
      <thead><tr><th>#</th><th>User</th><th className="num">Cost</th><th className="num">Tokens</th><th className="num">Interceptions</th></tr></thead>
      <tbody>
        {buckets.map((b, i) => (
          <tr key={b.initiator?.id ?? i}>
            <td>{i + 1}</td>
            <td>{b.initiator?.username}</td>
            <td className="num">{dollars(b.cost_micros)}</td>
            <td className="num">{count(b.input_tokens + b.output_tokens + b.cache_read_input_tokens + b.cache_write_input_tokens)}</td>
            <td className="num">{count(b.interceptions)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ModelTable({ buckets }: { buckets: UsageBucketDto[] }) {
  if (buckets.length === 0) return <Empty>No usage in this time range.</Empty>;
  return (
    <table className="list models">
      <thead><tr><th>Model</th><th className="num">TTFB p50</th><th className="num">TTFB p95</th><th className="num">Cache hit</th><th className="num">Cost</th></tr></thead>
      <tbody>
        {buckets.map((b) => (
          <tr key={b.model}>
            <td>{b.model}</td>
            <td className="num">{milliseconds(b.ttfb_ms_p50)}</td>
            <td className="num">{milliseconds(b.ttfb_ms_p95)}</td>
            <td className="num">{ratio(hitRatio(b))}</td>
            <td className="num">{dollars(b.cost_micros)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
