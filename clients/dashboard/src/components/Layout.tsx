import { Suspense } from "react";
import { NavLink, Outlet, useNavigate } from "react-router";
import { api } from "../api";
import { useSession } from "../auth";
import { Loading } from "./States";

export function Layout() {
  const { user, canAudit, isOwner } = useSession();
  const navigate = useNavigate();
  const logout = async () => {
    try {
      await api.users.logout();
    } finally {
      navigate("/login", { replace: true });
    }
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">AIBridge</span>
        <nav>
          {canAudit && <NavLink to="/sessions">Sessions</NavLink>}
          <NavLink to="/usage">Usage</NavLink>
          {canAudit && <NavLink to="/interceptions">Interceptions</NavLink>}
          <NavLink to="/settings/tokens">Tokens</NavLink>
          {isOwner && <NavLink to="/settings/users">Users</NavLink>}
          {canAudit && <NavLink to="/settings/prices">Prices</NavLink>}
          {canAudit && <NavLink to="/settings/providers">Providers</NavLink>}
        </nav>
        <span className="who">
          <span title={user.email}>{user.username}</span>
          <span className="roles">{user.roles.map((r) => r.display_name).join(", ") || "Member"}</span>
          <button type="button" onClick={logout}>Log out</button>
        </span>
      </header>
      <main>
        <Suspense fallback={<Loading what="the page" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
