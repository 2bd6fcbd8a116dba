import { type PriceDto, SetPriceRequest } from "@aibridge/client";
import { type FormEvent, useState } from "react";
import { api, errorMessage } from "../api";
import { useSession } from "../auth";
import { ErrorView, Loading } from "../components/States";
import { useLoad } from "../components/useLoad";

/** Micro-dollars per million tokens as dollars per million. */
function perMillion(micros: number | undefined): string {
  return micros === undefined || micros === null ? "—" : `$${(micros / 1_000_000).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;
}

/** The gateway's own rule: the exact name, else the longest priced name that is a prefix followed by "-". */
function priced(model: string, prices: PriceDto[]): boolean {
  return prices.some((p) => p.model === model || model.startsWith(`${p.model}-`));
}

export function PricesPage() {
  const { isOwner } = useSession();
  const [prices, reload] = useLoad(() => api.prices.list(), []);
  const [models] = useLoad(() => api.catalog.models(undefined, 1000), []);
  const [error, setError] = useState<string>();

  const remove = async (p: PriceDto) => {
    setError(undefined);
    try {
      await api.prices.delete(p.provider_type, p.model);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (prices.state === "loading") return <Loading what="prices" />;
  if (prices.state === "error") return <ErrorView message={prices.message} />;
  const book = prices.value;
  const unpriced = models.state === "done" ? models.value.filter((m) => !priced(m, book.prices)) : [];
  return (
    <section>
      <h1>Prices</h1>
      <p className="meta">Dollars per million tokens. Shipped prices as of <time dateTime={book.defaults_as_of.toISOString()} title={book.defaults_as_of.toISOString()}>{book.defaults_as_of.toLocaleDateString()}</time> ({book.defaults_sources.join(", ")}); overrides apply to usage recorded after they are set.</p>
      {unpriced.length > 0 && <p className="state warning">Models seen without a price: {unpriced.join(", ")}. Their usage is counted but has no cost.</p>}
      {isOwner && <Override onSaved={reload} />}
      {error && <ErrorView message={error} />}
      <table className="list prices">
        <thead><tr><th>Provider</th><th>Model</th><th className="num">Input</th><th className="num">Output</th><th className="num">Cache read</th><th className="num">Cache write</th><th className="num">Cache write (1 h)</th><th>Source</th>{isOwner && <th />}</tr></thead>
        <tbody>
          {book.prices.map((p) => (
            <tr key={`${p.provider_type}/${p.model}`}>
              <td>{p.provider_type}</td>
              <td>{p.model}</td>
              <td className="num">{perMillion(p.input)}</td>
              <td className="num">{perMillion(p.output)}</td>
              <td className="num">{perMillion(p.cache_read)}</td>
              <td className="num">{perMillion(p.cache_write)}</td>
              <td className="num">{perMillion(p.cache_write_1h)}</td>
              <td>{p.source}</td>
              {isOwner && <td>{p.source === "override" && <button type="button" className="danger" onClick={() => remove(p)}>Remove override</button>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Override({ onSaved }: { onSaved: () => void }) {
  const [form, setForm] = useState({ provider: "anthropic", model: "", input: "", output: "", cache_read: "", cache_write: "" });
  const [error, setError] = useState<string>();
  const micros = (dollarsPerMillion: string) => (dollarsPerMillion.trim() === "" ? undefined : Math.round(Number(dollarsPerMillion) * 1_000_000));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.prices.set(form.provider, form.model, new SetPriceRequest({
        input: micros(form.input), output: micros(form.output), cache_read: micros(form.cache_read), cache_write: micros(form.cache_write),
      }));
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const field = (key: keyof typeof form, label: string) => (
    <label>{label}<input name={key} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} /></label>
  );
  return (
    <form className="inline card" onSubmit={save}>
      <label>
        Provider
        <select name="provider" value={form.provider} onChange={(e) => setForm({ ...form, provider: e.target.value })}>
          <option value="anthropic">anthropic</option>
          <option value="openai">openai</option>
        </select>
      </label>
      {field("model", "Model")}
      {field("input", "Input $/M")}
      {field("output", "Output $/M")}
      {field("cache_read", "Cache read $/M")}
      {field("cache_write", "Cache write $/M")}
      <button type="submit">Set price</button>
      {error && <ErrorView message={error} />}
    </form>
  );
}
