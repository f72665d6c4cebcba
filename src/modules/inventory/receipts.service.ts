/**
 * 入库单 (inbound receipts): drafted by the warehouse, confirmed once — only then the stock arrives (one `inbound`
 * movement per line, waiting 缺货登记 told) and each SKU's cost price is updated to the receipt's, when given.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { products, skus } from '../catalog/catalog.tables.js';
import { inboundReceipts, warehouses, type ReceiptLine, type ReceiptStatus } from './inventory.tables.js';
import { changeOnHand } from './stock-ledger.js';
import { assertWarehouseAllowed, inScope } from './warehouse-scope.js';

type Row = typeof inboundReceipts.$inferSelect;
export interface ReceiptInput { warehouseId: string; supplier?: string; lines: { skuId: string; qty: number; costPriceFen?: number }[]; remark?: string }

const out = (r: Row) => ({
  id: r.id, receiptNo: r.receiptNo, warehouseId: r.warehouseId, status: r.status, supplier: r.supplier, lines: r.lines, remark: r.remark,
  createdBy: r.createdBy, confirmedBy: r.confirmedBy, confirmedAt: r.confirmedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(), version: r.version,
  totalQty: r.lines.reduce((s, l) => s + l.qty, 0), totalCostFen: r.lines.reduce((s, l) => s + (l.costPriceFen ?? 0) * l.qty, 0),
});
const esc = (v: string | number | null) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const yuan = (fen: number | null) => (fen === null ? '' : (fen / 100).toFixed(2));

export function createReceiptsService(database: Database) {
  async function lock(tx: Tx, ctx: Ctx<Operator>, id: string, version: number) {
    const [r] = await tx.select().from(inboundReceipts).where(and(eq(inboundReceipts.tenantId, ctx.tenantId), eq(inboundReceipts.id, id))).for('update');
    if (!r) throw notFound('inbound receipt');
    assertWarehouseAllowed(ctx.actor, r.warehouseId);
    if (r.version !== version) throw new AppError('version_conflict', { message: 'the receipt was changed by someone else; reload' });
    if (r.status !== 'draft') throw new AppError('invalid_state', { message: `the receipt is already ${r.status}`, details: { status: r.status } });
    return r;
  }
  const save = (tx: Tx, ctx: Ctx<Operator>, r: Row, patch: Partial<Row>) =>
    tx.update(inboundReceipts).set({ ...patch, version: r.version + 1 }).where(and(eq(inboundReceipts.tenantId, ctx.tenantId), eq(inboundReceipts.id, r.id))).returning();
  const one = async (tx: Tx, ctx: Ctx<Operator>, id: string) => {
    const [r] = await tx.select().from(inboundReceipts).where(and(eq(inboundReceipts.tenantId, ctx.tenantId), eq(inboundReceipts.id, id)));
    if (!r) throw notFound('inbound receipt');
    assertWarehouseAllowed(ctx.actor, r.warehouseId);
    return r;
  };

  return {
    create: (ctx: Ctx<Operator>, input: ReceiptInput) => database.tx(ctx.tenantId, async (tx) => {
      assertWarehouseAllowed(ctx.actor, input.warehouseId);
      const [w] = await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, input.warehouseId)));
      if (!w) throw new AppError('validation_failed', { message: 'unknown warehouse', errors: [{ path: 'body.warehouseId', message: 'unknown warehouse' }] });
      const lines: ReceiptLine[] = [];
      for (const [i, l] of input.lines.entries()) {
        const [s] = await tx.select({ code: skus.code, baseUnit: skus.baseUnit, name: products.name }).from(skus)
          .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId))).where(and(eq(skus.tenantId, ctx.tenantId), eq(skus.id, l.skuId)));
        if (!s) throw new AppError('validation_failed', { message: 'unknown SKU', errors: [{ path: `body.lines.${i}.skuId`, message: 'unknown SKU' }] });
        if (lines.some((x) => x.skuId === l.skuId)) throw new AppError('validation_failed', { message: 'a SKU appears twice', errors: [{ path: `body.lines.${i}.skuId`, message: 'duplicate' }] });
        lines.push({ skuId: l.skuId, skuCode: s.code, productName: s.name, baseUnit: s.baseUnit, qty: l.qty, costPriceFen: l.costPriceFen ?? null });
      }
      const n = await nextSequence(tx, ctx.tenantId, 'inbound');
      const [r] = await tx.insert(inboundReceipts).values({ tenantId: ctx.tenantId, id: newId(), receiptNo: `RK${String(n).padStart(6, '0')}`, warehouseId: input.warehouseId,
        supplier: input.supplier || null, lines, remark: input.remark || null, createdBy: ctx.actor.name }).returning();
      await recordAudit(tx, ctx, { action: 'inbound.create', entityType: 'inbound_receipt', entityId: r.id, before: null, after: out(r) });
      return out(r);
    }),

    list: (ctx: Ctx<Operator>, q: { status?: ReceiptStatus; limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) =>
      toPage(await tx.select().from(inboundReceipts).where(and(eq(inboundReceipts.tenantId, ctx.tenantId), q.status ? eq(inboundReceipts.status, q.status) : undefined,
        inScope(ctx.actor, inboundReceipts.warehouseId),
        q.cursor ? lt(inboundReceipts.id, q.cursor) : undefined)).orderBy(desc(inboundReceipts.id)).limit(q.limit + 1), q.limit, out)),

    get: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => out(await one(tx, ctx, id))),

    confirm: (ctx: Ctx<Operator>, id: string, version: number) => database.tx(ctx.tenantId, async (tx) => {
      const r = await lock(tx, ctx, id, version);
      for (const l of [...r.lines].sort((a, b) => a.skuId.localeCompare(b.skuId))) {
        await changeOnHand(tx, ctx.tenantId, ctx.actor, { warehouseId: r.warehouseId, skuId: l.skuId, delta: l.qty, kind: 'inbound', docType: 'inbound_receipt', docId: r.id, reason: r.supplier });
        if (l.costPriceFen !== null) await tx.update(skus).set({ costPriceFen: l.costPriceFen }).where(and(eq(skus.tenantId, ctx.tenantId), eq(skus.id, l.skuId)));
      }
      const [after] = await save(tx, ctx, r, { status: 'confirmed', confirmedBy: ctx.actor.name, confirmedAt: new Date() });
      await recordAudit(tx, ctx, { action: 'inbound.confirm', entityType: 'inbound_receipt', entityId: r.id, before: out(r), after: out(after) });
      return out(after);
    }),

    cancel: (ctx: Ctx<Operator>, id: string, version: number) => database.tx(ctx.tenantId, async (tx) => out((await save(tx, ctx, await lock(tx, ctx, id, version), { status: 'cancelled' }))[0])),

    print: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const r = await one(tx, ctx, id);
      const [w] = await tx.select({ name: warehouses.name }).from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, r.warehouseId)));
      const o = out(r);
      return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>入库单 ${esc(r.receiptNo)}</title><style>
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px}h1{font-size:20px;text-align:center}
table{width:100%;border-collapse:collapse;font-size:13px}th,td{border:1px solid #444;padding:6px}@media print{@page{size:A4;margin:12mm}}</style></head>
<body><h1>入库单 ${esc(r.receiptNo)}</h1><p>仓库：${esc(w?.name ?? '')}　供应商：${esc(r.supplier)}　制单：${esc(r.createdBy)}　状态：${r.status === 'confirmed' ? '已入库' : r.status === 'cancelled' ? '已取消' : '待确认'}</p>
<table><thead><tr><th>#</th><th>SKU编码</th><th>商品</th><th>数量</th><th>成本单价</th><th>金额</th></tr></thead><tbody>
${r.lines.map((l, i) => `<tr><td>${i + 1}</td><td>${esc(l.skuCode)}</td><td>${esc(l.productName)}</td><td>${l.qty} ${esc(l.baseUnit)}</td><td>${yuan(l.costPriceFen)}</td><td>${l.costPriceFen === null ? '' : yuan(l.costPriceFen * l.qty)}</td></tr>`).join('\n')}
</tbody></table><p>合计数量 ${o.totalQty}　合计金额 ¥${yuan(o.totalCostFen)}</p><p>收货人：__________　确认人：${esc(r.confirmedBy ?? '__________')}</p></body></html>`;
    }),
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
