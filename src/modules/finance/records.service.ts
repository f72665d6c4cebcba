/**
 * 收支记录: recording (once per Idempotency-Key) and voiding with a reason. Each write is audited and announced on
 * the outbox (`finance_record.recorded`, `finance_record.voided`) in its own transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { oncePerKey } from '../../platform/http/idempotency.js';
import { iso } from '../../platform/http/schemas.js';
import { newId } from '../../platform/ids.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { recordAudit } from '../audit/audit.js';
import { ensureDefaultCategories, findCategory } from './categories.service.js';
import { decideVoid, formatRecordNo } from './domain/records.js';
import { financeRecords } from './finance.tables.js';

export type RecordRow = typeof financeRecords.$inferSelect;

export const toRecordOut = (r: RecordRow, categoryName: string) => ({
  id: r.id, recordNo: r.recordNo, direction: r.direction, categoryId: r.categoryId, categoryName, amountFen: r.amountFen, occurredOn: r.occurredOn,
  account: r.account, counterparty: r.counterparty, note: r.note, status: r.status, voidReason: r.voidReason, voidedByName: r.voidedByName,
  voidedAt: iso(r.voidedAt), createdByName: r.createdByName, createdAt: r.createdAt.toISOString(), version: r.version,
});
export type RecordOut = ReturnType<typeof toRecordOut>;

export interface RecordInput { categoryId: string; amountFen: number; occurredOn: string; account?: string; counterparty?: string; note?: string }

const event = (tx: Tx, tenantId: string, topic: string, r: RecordRow) => emitEvent(tx, tenantId, {
  topic, aggregateType: 'finance_record', aggregateId: r.id,
  payload: { recordNo: r.recordNo, direction: r.direction, categoryId: r.categoryId, amountFen: r.amountFen, occurredOn: r.occurredOn },
});

export function createRecordsService(database: Database) {
  return {
    record: (ctx: Ctx<Operator>, key: string, input: RecordInput) => database.tx(ctx.tenantId, (tx) =>
      oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'finance-record', key, body: input }, async () => {
        await ensureDefaultCategories(tx, ctx.tenantId);
        const c = await findCategory(tx, ctx.tenantId, input.categoryId);
        if (!c) throw new AppError('validation_failed', { message: 'no such category', errors: [{ path: 'body.categoryId', message: 'no such category' }] });
        if (!c.active) throw new AppError('finance_category_inactive', { message: `the category ${c.name} is switched off`, details: { categoryId: c.id } });
        const recordNo = formatRecordNo(await nextSequence(tx, ctx.tenantId, 'finance_record'));
        const [row] = await tx.insert(financeRecords).values({
          tenantId: ctx.tenantId, id: newId(), recordNo, direction: c.direction, categoryId: c.id, amountFen: input.amountFen, occurredOn: input.occurredOn,
          account: input.account || null, counterparty: input.counterparty || null, note: input.note || null,
          createdByKind: ctx.actor.kind, createdById: ctx.actor.id, createdByName: ctx.actor.name,
        }).returning();
        await recordAudit(tx, ctx, { action: 'finance_record.record', entityType: 'finance_record', entityId: row.id, after: toRecordOut(row, c.name) });
        await event(tx, ctx.tenantId, 'finance_record.recorded', row);
        return { status: 201, body: toRecordOut(row, c.name) };
      })),

    void: (ctx: Ctx<Operator>, id: string, input: { reason: string; version?: number }) => database.tx(ctx.tenantId, async (tx) => {
      const [r] = await tx.select().from(financeRecords).where(and(eq(financeRecords.tenantId, ctx.tenantId), eq(financeRecords.id, id))).for('update');
      if (!r) throw notFound('record');
      const d = decideVoid(r, input.version);
      if (!d.ok) throw new AppError(d.code, { message: d.message, details: { status: r.status, currentVersion: r.version } });
      const now = new Date();
      const [row] = await tx.update(financeRecords).set({
        status: 'voided', voidReason: input.reason, voidedById: ctx.actor.id, voidedByName: ctx.actor.name, voidedAt: now, updatedAt: now, version: r.version + 1,
      }).where(and(eq(financeRecords.tenantId, ctx.tenantId), eq(financeRecords.id, id))).returning();
      const c = await findCategory(tx, ctx.tenantId, r.categoryId);
      await recordAudit(tx, ctx, { action: 'finance_record.void', entityType: 'finance_record', entityId: id, before: { status: r.status }, after: { status: 'voided', reason: input.reason, recordNo: r.recordNo, amountFen: r.amountFen } });
      await event(tx, ctx.tenantId, 'finance_record.voided', row);
      return toRecordOut(row, c?.name ?? '');
    }),
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
