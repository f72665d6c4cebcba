import type { Ctx } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from './audit.tables.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|secret|token|hash/i;

/** Drops secrets and turns Dates into strings so before/after are safe to show to an auditor. */
export function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(([k]) => !SECRET_KEYS.test(k)).map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/** The one way to write the audit trail: in the caller's transaction, so the record and the change commit together. */
export async function recordAudit(tx: Tx, ctx: Ctx<Ctx['actor'] | null>, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await tx.insert(auditLog).values({
    tenantId: ctx.tenantId,
    id: newId(),
    actorKind: actor?.kind ?? 'system',
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    ip: ctx.ip ?? null,
  });
}

/** recordAudit for many entries at once (an import's products): one multi-row INSERT per 500 entries. */
export async function recordAudits(tx: Tx, ctx: Ctx<Ctx['actor'] | null>, entries: AuditEntry[]): Promise<void> {
  const actor = ctx.actor;
  const rows = entries.map((entry) => ({
    tenantId: ctx.tenantId, id: newId(), actorKind: actor?.kind ?? 'system' as const, actorId: actor?.id ?? null, actorName: actor?.name ?? null,
    action: entry.action, entityType: entry.entityType, entityId: entry.entityId ?? null, before: redact(entry.before), after: redact(entry.after), ip: ctx.ip ?? null,
  }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditLog).values(rows.slice(i, i + 500));
}
