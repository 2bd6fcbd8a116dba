import { type BudgetDto, CreateUserRequest, SetBudgetRequest, UpdateRolesRequest, type UserDto } from "@aibridge/client";
import { type FormEvent, useEffect, useState } from "react";
import { api, errorMessage } from "../api";
import { useSession } from "../auth";
import { Empty, ErrorView, Loading } from "../components/States";
import { Time } from "../components/Time";
import { useLoad } from "../components/useLoad";
import { dollars } from "../format";

export function UsersPage() {
  const [users, reload] = useLoad(() => api.users.list(undefined, 1000), []);
  const [error, setError] = useState<string>();
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section>
      <h1>Users</h1>
      <NewUser onCreated={reload} />
      {error && <ErrorView message={error} />}
      {users.state === "loading" && <Loading what="users" />}
      {users.state === "error" && <ErrorView message={users.message} />}
      {users.state === "done" && users.value.users.length === 0 && <Empty>No users.</Empty>}
      {users.state === "done" && users.value.users.length > 0 && (
        <table className="list users">
          <thead><tr><th>User</th><th>Roles</th><th>Status</th><th>Last seen</th><th>Budget this month (spent / limit)</th></tr></thead>
          <tbody>
            {users.value.users.map((u) => <UserRow key={u.id} user={u} act={act} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UserRow({ user, act }: { user: UserDto; act: (action: () => Promise<unknown>) => Promise<void> }) {
  const me = useSession().user;
  const roles = user.roles.map((r) => r.name);
  const toggle = (role: string) => {
    const next = roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role];
    return act(() => api.users.updateRoles(user.id, new UpdateRolesRequest({ roles: next })));
  };
  return (
    <tr data-user={user.username}>
      <td><strong>{user.username}</strong><br /><span className="meta">{user.email}</span></td>
      <td>
        {["owner", "auditor"].map((role) => (
          <label key={role} className="check">
            <input type="checkbox" name={`role-${role}`} checked={roles.includes(role)} disabled={user.id === me.id && role === "owner"} onChange={() => toggle(role)} /> {role}
          </label>
        ))}
      </td>
      <td>
        {user.status}{" "}
        {user.id !== me.id && (user.status === "active"
          ? <button type="button" className="danger" onClick={() => act(() => api.users.suspend(user.id))}>Suspend</button>
          : <button type="button" onClick={() => act(() => api.users.activate(user.id))}>Activate</button>)}
      </td>
      <td><Time at={user.last_seen_at} /></td>
      <td><Budget userId={user.id} /></td>
    </tr>
  );
}

function Budget({ userId }: { userId: string }) {
  const [budget, setBudget] = useState<BudgetDto>();
  const [limit, setLimit] = useState("");
  const [error, setError] = useState<string>();
  const load = () => api.budgets.get(userId).then((b) => {
    setBudget(b);
    setLimit(b.source === "user" && b.monthly_limit_micros !== undefined ? String(b.monthly_limit_micros / 1_000_000) : "");
  }, (e) => setError(errorMessage(e)));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      if (limit.trim() === "") {
        if (budget?.source === "user") await api.budgets.delete(userId);
      } else {
        await api.budgets.set(userId, new SetBudgetRequest({ monthly_limit_micros: Math.round(Number(limit) * 1_000_000) }));
      }
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!budget) return error ? <span className="bad">{error}</span> : <span className="meta">…</span>;
  return (
    <form className="budget" onSubmit={save}>
      <span className="spent" data-budget={userId}>
        {dollars(budget.spent_micros)} / {budget.monthly_limit_micros === undefined ? "no limit" : dollars(budget.monthly_limit_micros)}
        {budget.source === "default" && " (default)"}
      </span>
      <input name="limit" inputMode="decimal" placeholder="limit in $" value={limit} onChange={(e) => setLimit(e.target.value)} aria-label="Monthly limit in dollars" />
      <button type="submit">Set</button>
      {error && <span className="bad">{error}</span>}
    </form>
  );
}

function NewUser({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState({ username: "", email: "", password: "" });
  const [error, setError] = useState<string>();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.users.create(new CreateUserRequest(form));
      setForm({ username: "", email: "", password: "" });
      onCreated();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form className="inline card" onSubmit={create}>
      <label>Username<input name="new-username" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} /></label>
      <label>E-mail<input name="new-email" type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
      <label>Password<input name="new-password" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
      <button type="submit">Add member</button>
      {error && <ErrorView message={error} />}
    </form>
  );
}
