import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';

export type Realm = 'staff' | 'member';

/** What the auth module needs to know about a login, whoever owns it. */
export interface Principal {
  id: string;
  name: string;
  passwordHash: string;
  status: 'active' | 'disabled';
  failedLogins: number;
  lockedUntil: Date | null;
  email: string | null;
  phone: string | null;
  sessionsValidAfter: Date;
}

/**
 * Staff users and customer members live in their own modules; each module implements this port
 * so authentication stays one piece of code and never writes another module's tables.
 */
export interface PrincipalStore {
  realm: Realm;
  findByLogin(tx: Tx, tenantId: string, login: string): Promise<Principal | null>;
  findById(tx: Tx, tenantId: string, id: string): Promise<Principal | null>;
  /** Throws an AppError when the principal may not sign in for reasons beyond its own status (e.g. company pending). */
  assertMaySignIn(tx: Tx, tenantId: string, principal: Principal): Promise<void>;
  recordLogin(tx: Tx, tenantId: string, id: string, result: { failedLogins: number; lockedUntil: Date | null; success: boolean }): Promise<void>;
  setPassword(tx: Tx, tenantId: string, id: string, passwordHash: string, killSessions: boolean): Promise<void>;
  /** The actor for a live session, or null when the principal can no longer act (disabled, company disabled, ...). */
  loadActor(tx: Tx, tenantId: string, id: string, sessionId: string, sessionCreatedAt: Date): Promise<Actor | null>;
  me(tx: Tx, tenantId: string, id: string): Promise<unknown>;
}
