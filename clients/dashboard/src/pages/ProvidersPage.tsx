import { CreateProviderRequest, type ProviderDto, ProviderKeyRequest, UpdateProviderRequest } from "@aibridge/client";
import { type FormEvent, useState } from "react";
import { api, errorMessage } from "../api";
import { useSession } from "../auth";
import { ErrorView, Loading } from "../components/States";
import { useLoad } from "../components/useLoad";

const types = ["anthropic", "openai", "openai-compat", "azure", "copilot", "bedrock"];

/** What each type's settings look like, shown as the settings field's placeholder. */
const settingsExample: Record<string, string> = {
  "openai-compat": '{"headers": {"X-Title": "AIBridge"}}',
  azure: '{"api_version": "preview"}',
  bedrock: '{"region": "us-east-1", "mode": "invoke", "model": "…", "small_fast_model": "…"}',

};

/** One key per line: the pool is tried in this order. */
function keysOf(text: string): string[] {
  return text.split(/\r?\n/).map((k) => k.trim()).filter(Boolean);
}

/** The settings field's text as the API takes it: an object, or nothing. */
function settingsOf(text: string): unknown {
  return text.trim() === "" ? undefined : JSON.parse(text);
}

export function ProvidersPage() {
  const { isOwner } = useSession();
  const [providers, reload] = useLoad(() => api.providers.list(), []);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      setEditing(undefined);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (providers.state === "loading") return <Loading what="providers" />;
  if (providers.state === "error") return <ErrorView message={providers.message} />;
  return (
    <section>
      <h1>Providers</h1>
      <p className="meta">Configured providers come from AIBridge settings and are read-only here. Keys are never shown again once saved, only their first and last characters; key states are those of the AIBridge process that answered.</p>
      {isOwner && <NewProvider onSaved={reload} />}
      {error && <ErrorView message={error} />}
      <table className="list providers">
        <thead><tr><th>Name</th><th>Type</th><th>Base URL</th><th>Keys</th><th>Status</th>{isOwner && <th />}</tr></thead>
        <tbody>
          {providers.value.providers.map((p) => (
            <ProviderRow key={p.name} provider={p} isOwner={isOwner} editing={editing === p.name} onEdit={() => setEditing(editing === p.name ? undefined : p.name)} act={act} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ProviderRow({ provider: p, isOwner, editing, onEdit, act }: {
  provider: ProviderDto; isOwner: boolean; editing: boolean; onEdit: () => void; act: (action: () => Promise<unknown>) => Promise<void>;
}) {
  const stored = p.source === "api";
  return (
    <>
      <tr data-provider={p.name}>
        <td><strong>{p.display_name}</strong>{p.display_name !== p.name && <><br /><span className="meta">{p.name}</span></>}<br /><span className="meta">{stored ? "added here" : "configured"}</span></td>
        <td>{p.type}</td>
        <td className="url">{p.base_url}</td>
        <td className="keys">
          {p.api_keys.length === 0 && <span className="meta">none</span>}
          {p.api_keys.map((k, i) => (
            <div key={k.id ?? i} data-key={k.masked}><code>{k.masked}</code> <span className={`badge ${k.state}`} title={k.cooldown_until ? `until ${k.cooldown_until.toISOString()}` : undefined}>{k.state}</span></div>
          ))}
        </td>
        <td className="status"><span className={`badge ${p.status}`}>{p.status}</span>{p.status_detail && <div className="meta">{p.status_detail}</div>}</td>
        {isOwner && (
          <td className="actions">
            {stored && <>
              <button type="button" onClick={onEdit}>{editing ? "Close" : "Edit"}</button>
              <button type="button" onClick={() => act(() => api.providers.update(p.name, new UpdateProviderRequest({ enabled: !p.enabled })))}>{p.enabled ? "Disable" : "Enable"}</button>
              <button type="button" className="danger" onClick={() => window.confirm(`Delete provider ${p.name}?`) && act(() => api.providers.delete(p.name))}>Delete</button>
            </>}
          </td>
        )}
      </tr>
      {editing && <tr className="editor"><td colSpan={6}><EditProvider provider={p} act={act} /></td></tr>}
    </>
  );
}

function EditProvider({ provider: p, act }: { provider: ProviderDto; act: (action: () => Promise<unknown>) => Promise<void> }) {
  const [form, setForm] = useState({
    display_name: p.display_name, base_url: p.base_url, settings: p.settings ? JSON.stringify(p.settings) : "", add: "",
  });
  const [kept, setKept] = useState(() => new Set(p.api_keys.map((k) => k.id!)));
  const [error, setError] = useState<string>();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    let settings: unknown;
    try {
      settings = form.settings.trim() === "" ? {} : settingsOf(form.settings);
    } catch {
      setError("Settings must be JSON.");
      return;
    }
    await act(() => api.providers.update(p.name, new UpdateProviderRequest({
      display_name: form.display_name, base_url: form.base_url, settings,
      api_keys: [
        ...p.api_keys.filter((k) => kept.has(k.id!)).map((k) => new ProviderKeyRequest({ id: k.id })),
        ...keysOf(form.add).map((key) => new ProviderKeyRequest({ api_key: key })),
      ],
    })));
  };
  const toggle = (id: string) => {
    const next = new Set(kept);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setKept(next);
  };
  return (
    <form className="inline card edit-provider" onSubmit={save}>
      <label>Display name<input name="display_name" value={form.display_name} onChange={(e) => setForm({ ...form, display_name: e.target.value })} /></label>
      <label>Base URL<input name="base_url" value={form.base_url} onChange={(e) => setForm({ ...form, base_url: e.target.value })} /></label>
      <label>Settings (JSON)<input name="settings" value={form.settings} placeholder={settingsExample[p.type] ?? ""} onChange={(e) => setForm({ ...form, settings: e.target.value })} /></label>
      <fieldset className="keys">
        <legend>Keep keys</legend>
        {p.api_keys.map((k) => (
          <label key={k.id} className="check"><input type="checkbox" name={`keep-${k.masked}`} checked={kept.has(k.id!)} onChange={() => toggle(k.id!)} /> <code>{k.masked}</code></label>
        ))}
      </fieldset>
      <label>Add keys (one per line)<textarea name="add" rows={2} value={form.add} onChange={(e) => setForm({ ...form, add: e.target.value })} /></label>
      <button type="submit">Save</button>
      {error && <ErrorView message={error} />}
    </form>
  );
}

function NewProvider({ onSaved }: { onSaved: () => void }) {
  const empty = { name: "", type: "openai", display_name: "", base_url: "", keys: "", settings: "" };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string>();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.providers.create(new CreateProviderRequest({
        name: form.name, type: form.type, display_name: form.display_name || undefined, base_url: form.base_url || undefined,
        api_keys: keysOf(form.keys).map((key) => new ProviderKeyRequest({ api_key: key })), settings: settingsOf(form.settings),
      }));
      setForm(empty);
      onSaved();
    } catch (e) {
      setError(e instanceof SyntaxError ? "Settings must be JSON." : errorMessage(e));
    }
  };
  const field = (key: "name" | "display_name" | "base_url" | "settings", label: string, placeholder = "") => (
    <label>{label}<input name={key} value={form[key]} placeholder={placeholder} onChange={(e) => setForm({ ...form, [key]: e.target.value })} /></label>
  );
  return (
    <form className="inline card new-provider" onSubmit={save}>
      {field("name", "Name", "openai-eu")}
      <label>
        Type
        <select name="type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
          {types.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      {field("display_name", "Display name")}
      {field("base_url", "Base URL", form.type === "azure" ? "https://<resource>.openai.azure.com/openai/v1" : "default for the type")}
      {form.type !== "copilot" && form.type !== "bedrock" && <label>API keys (one per line, up to 5)<textarea name="keys" rows={2} value={form.keys} onChange={(e) => setForm({ ...form, keys: e.target.value })} /></label>}
      {field("settings", "Settings (JSON)", settingsExample[form.type] ?? "none for this type")}
      <button type="submit">Add provider</button>
      {error && <ErrorView message={error} />}
    </form>
  );
}
