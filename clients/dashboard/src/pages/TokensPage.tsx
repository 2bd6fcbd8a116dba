import { CreateTokenRequest } from "@aibridge/client";
import { type FormEvent, useState } from "react";
import { api, errorMessage } from "../api";
import { Empty, ErrorView, Loading } from "../components/States";
import { Time } from "../components/Time";
import { useLoad } from "../components/useLoad";

export function TokensPage() {
  const [tokens, reload] = useLoad(() => api.keys.listTokens("me"), []);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setCopied(false);
    try {
      const answer = await api.keys.createToken("me", new CreateTokenRequest({ token_name: name || undefined }));
      setCreated(answer.key);
      setName("");
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const remove = async (id: string) => {
    setError(undefined);
    try {
      await api.keys.delete("me", id);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section>
      <h1>API tokens</h1>
      <p className="meta">Agents use a token instead of a provider key: set it as the API key and point the base URL at AIBridge.</p>
      <form className="inline card" onSubmit={create}>
        <label>
          Name
          <input name="token_name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. laptop-claude-code" />
        </label>
        <button type="submit">Create token</button>
      </form>
      {created && (
        <div className="card created" role="status">
          <p>Your new token. Copy it now: it is not shown again.</p>
          <code className="secret">{created}</code>
          <button type="button" onClick={() => navigator.clipboard?.writeText(created).then(() => setCopied(true), () => setCopied(false))}>
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      )}
      {error && <ErrorView message={error} />}
      {tokens.state === "loading" && <Loading what="your tokens" />}
      {tokens.state === "error" && <ErrorView message={tokens.message} />}
      {tokens.state === "done" && tokens.value.length === 0 && <Empty>You have no tokens yet.</Empty>}
      {tokens.state === "done" && tokens.value.length > 0 && (
        <table className="list tokens">
          <thead><tr><th>Name</th><th>Id</th><th>Created</th><th>Last used</th><th>Expires</th><th /></tr></thead>
          <tbody>
            {tokens.value.map((t) => (
              <tr key={t.id}>
                <td>{t.token_name}</td>
                <td className="mono">{t.id}</td>
                <td><Time at={t.created_at} /></td>
                <td>{t.last_used.getUTCFullYear() <= 1 ? "never" : <Time at={t.last_used} />}</td>
                <td><Time at={t.expires_at} /></td>
                <td><button type="button" className="danger" onClick={() => remove(t.id)}>Delete</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
