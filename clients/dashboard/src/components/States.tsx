import type { ReactNode } from "react";

export function Loading({ what }: { what: string }) {
  return <p className="state loading" role="status">Loading {what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

export function ErrorView({ message }: { message: string }) {
  return <p className="state error" role="alert">{message}</p>;
}

export function NotAllowed({ who }: { who: string }) {
  return (
    <section className="not-allowed">
      <h1>Not allowed</h1>
      <p>This page is for {who}. The pages you can use are in the menu.</p>
    </section>
  );
}
