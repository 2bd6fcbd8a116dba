import { CreateUserRequest, LoginRequest } from "@aibridge/client";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { api, errorMessage } from "../api";

export function LoginPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A new database has no account yet: its first one, the owner, is made here.
  const [firstAccount, setFirstAccount] = useState(false);
  const [username, setUsername] = useState("");
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (firstAccount) {
        await api.users.createFirst(new CreateUserRequest({ email, username, password }));
      }
      // The answer also sets the HttpOnly session cookie; the token in its body is not kept.
      await api.users.login(new LoginRequest({ email, password }));
      const next = params.get("next");
      navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form onSubmit={submit}>
        <h1>AIBridge</h1>
        {firstAccount && <p className="meta">Create the first account. It owns this AIBridge: it adds the other users.</p>}
        {firstAccount && (
          <label>
            Username
            <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          </label>
        )}
        <label>
          E-mail
          <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Password
          <input type="password" autoComplete={firstAccount ? "new-password" : "current-password"} value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p className="state error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? "Signing in…" : firstAccount ? "Create and sign in" : "Sign in"}</button>
        <button type="button" className="link" onClick={() => setFirstAccount(!firstAccount)}>
          {firstAccount ? "I have an account" : "New AIBridge? Create the first account"}
        </button>
      </form>
    </div>
  );
}
