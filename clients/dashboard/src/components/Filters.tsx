import { useEffect, useState } from "react";
import { api } from "../api";
import { useSession } from "../auth";

export interface FilterValues {
  user: string;
  provider: string;
  model: string;
  client: string;
  /** Hours back from now; 0 for all time. */
  hours: number;
}

export const defaultFilters: FilterValues = { user: "", provider: "", model: "", client: "", hours: 24 };

export const ranges: [number, string][] = [[1, "Last hour"], [24, "Last 24 hours"], [24 * 7, "Last 7 days"], [24 * 30, "Last 30 days"], [24 * 90, "Last 90 days"]];

/** The audit filters, shared by sessions, interceptions and usage; the choices come from the API's catalogues. */
export function Filters({ value, onChange, showUser = true, allTime = true }: {
  value: FilterValues;
  onChange: (value: FilterValues) => void;
  showUser?: boolean;
  allTime?: boolean;
}) {
  const [models, setModels] = useState<string[]>([]);
  const [clients, setClients] = useState<string[]>([]);
  const { canAudit } = useSession();
  useEffect(() => {
    // The catalogues list everyone's traffic, so only for owners and auditors; a member's choices are
    // what their own usage names.
    const own = (dimension: "model" | "client") => api.usage.get(undefined, "none", dimension, "UTC", "interceptions", 1000)
      .then((report) => report.buckets.map((b) => (dimension === "model" ? b.model : b.client) ?? "").filter(Boolean).sort());
    (canAudit ? api.catalog.models(undefined, 1000) : own("model")).then(setModels, () => setModels([]));
    (canAudit ? api.catalog.clients(undefined, 1000) : own("client")).then(setClients, () => setClients([]));
  }, [canAudit]);
  const set = (change: Partial<FilterValues>) => onChange({ ...value, ...change });
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()}>
      {showUser && (
        <label>
          User
          <input name="user" placeholder="username, id or me" value={value.user} onChange={(e) => set({ user: e.target.value.trim() })} />
        </label>
      )}
      <label>
        Provider
        <select name="provider" value={value.provider} onChange={(e) => set({ provider: e.target.value })}>
          <option value="">All</option>
          <option value="anthropic">anthropic</option>
          <option value="openai">openai</option>
        </select>
      </label>
      <label>
        Model
        <select name="model" value={value.model} onChange={(e) => set({ model: e.target.value })}>
          <option value="">All</option>
          {models.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label>
        Client
        <select name="client" value={value.client} onChange={(e) => set({ client: e.target.value })}>
          <option value="">All</option>
          {clients.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label>
        Time
        <select name="hours" value={value.hours} onChange={(e) => set({ hours: Number(e.target.value) })}>
          {ranges.map(([hours, label]) => <option key={hours} value={hours}>{label}</option>)}
          {allTime && <option value={0}>All time</option>}
        </select>
      </label>
    </form>
  );
}

/** The time window as the API's RFC 3339 terms. */
export function since(hours: number): string | undefined {
  return hours > 0 ? `started_after:"${new Date(Date.now() - hours * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z")}"` : undefined;
}
