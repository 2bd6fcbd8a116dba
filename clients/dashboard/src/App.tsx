import { lazy, Suspense, useEffect, useState } from "react";
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from "react-router";
import { api, errorMessage, signedOut } from "./api";
import { type Session, SessionContext, sessionOf, useSession } from "./auth";
import { Layout } from "./components/Layout";
import { ErrorView, Loading, NotAllowed } from "./components/States";
import { LoginPage } from "./pages/LoginPage";

// Each page is its own chunk, loaded when first visited: the sign-in page needs none of the charts.
const InterceptionsPage = lazy(() => import("./pages/InterceptionsPage").then((m) => ({ default: m.InterceptionsPage })));
const PricesPage = lazy(() => import("./pages/PricesPage").then((m) => ({ default: m.PricesPage })));
const ProvidersPage = lazy(() => import("./pages/ProvidersPage").then((m) => ({ default: m.ProvidersPage })));
const SessionPage = lazy(() => import("./pages/SessionPage").then((m) => ({ default: m.SessionPage })));
const SessionsPage = lazy(() => import("./pages/SessionsPage").then((m) => ({ default: m.SessionsPage })));
const TokensPage = lazy(() => import("./pages/TokensPage").then((m) => ({ default: m.TokensPage })));
const UsagePage = lazy(() => import("./pages/UsagePage").then((m) => ({ default: m.UsagePage })));
const UsersPage = lazy(() => import("./pages/UsersPage").then((m) => ({ default: m.UsersPage })));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<SignedIn />} />
      </Routes>
    </BrowserRouter>
  );
}

/** Asks the API who is signed in (the cookie says); without a session, on to the login page. */
function SignedIn() {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string>();
  const navigate = useNavigate();
  useEffect(() => {
    const toLogin = () => navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true });
    window.addEventListener(signedOut, toLogin);
    let signedIn = true;
    api.users.me().then(
      (user) => setSession(sessionOf(user)),
      (e) => signedIn && setError(errorMessage(e)),
    );
    return () => {
      signedIn = false;
      window.removeEventListener(signedOut, toLogin);
    };
    // Once per sign-in: the layout's pages keep the session, and any 401 on the way sends to the login page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (error) return <ErrorView message={error} />;
  if (!session) return <Loading what="your session" />;
  return (
    <SessionContext.Provider value={session}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Navigate to={session.canAudit ? "/sessions" : "/usage"} replace />} />
          <Route path="sessions" element={<Audit><SessionsPage /></Audit>} />
          <Route path="sessions/:id" element={<Audit><SessionPage /></Audit>} />
          <Route path="usage" element={<UsagePage />} />
          <Route path="interceptions" element={<Audit><InterceptionsPage /></Audit>} />
          <Route path="settings/tokens" element={<TokensPage />} />
          <Route path="settings/users" element={<Owner><UsersPage /></Owner>} />
          <Route path="settings/prices" element={<Audit><PricesPage /></Audit>} />
          <Route path="settings/providers" element={<Audit><ProvidersPage /></Audit>} />
          <Route path="*" element={<p className="state empty">No such page.</p>} />
        </Route>
      </Routes>
    </SessionContext.Provider>
  );
}

function Audit({ children }: { children: React.ReactNode }) {
  return useSession().canAudit ? <>{children}</> : <NotAllowed who="owners and auditors" />;
}

function Owner({ children }: { children: React.ReactNode }) {
  return useSession().isOwner ? <>{children}</> : <NotAllowed who="owners" />;
}
