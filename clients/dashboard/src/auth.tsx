import type { UserDto } from "@aibridge/client";
import { createContext, useContext } from "react";

export interface Session {
  user: UserDto;
  /** Owners and auditors read everyone's traffic; members only their own. */
  canAudit: boolean;
  isOwner: boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside the signed-in layout");
  return session;
}

export function sessionOf(user: UserDto): Session {
  const roles = user.roles.map((r) => r.name);
  return { user, isOwner: roles.includes("owner"), canAudit: roles.includes("owner") || roles.includes("auditor") };
}
