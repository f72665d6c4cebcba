import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParam, idParams, versionField } from '../../platform/http/schemas.js';
import type { InventoryService } from './inventory.service.js';
import type { Database } from '../../platform/db/database.js';
import { replenishmentList } from './replenishment.js';
import { thresholdAlerts } from './threshold-alerts.js';
import type { TransfersService } from './transfers.service.js';
import type { StocktakesService } from './stocktakes.service.js';
import type { ReceiptsService } from './receipts.service.js';
import { RECEIPT_STATUSES, STOCKTAKE_STATUSES, TRANSFER_STATUSES } from './inventory.tables.js';
import { optionalIdempotencyKeyOf } from '../../platform/http/idempotency.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['inventory'];
const warehouseOut = z.object({ id: z.string(), code: z.string(), name: z.string(), address: z.string(), regionIds: z.array(z.string()), priority: z.number().int(), active: z.boolean(), version: z.number().int() }).meta({ id: 'Warehouse' });
const warehouseFields = {
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - or _'), name: z.string().trim().min(1).max(50), address: z.string().trim().max(200).optional(),
  regionIds: z.array(idParam).max(100).optional(), priority: z.number().int().min(0).max(10_000).optional(), active: z.boolean().optional(),
};
const stockOut = z.object({
  skuId: z.string(), warehouseId: z.string(), warehouseName: z.string(), skuCode: z.string(), productName: z.string(), specText: z.string(), baseUnit: z.string(),
  onHand: z.number().int(), reserved: z.number().int(), safetyStock: z.number().int(), available: z.number().int(),
  lowStockQty: z.number().int().nullable(), overstockQty: z.number().int().nullable(), skuLowStockQty: z.number().int().nullable(), skuOverstockQty: z.number().int().nullable(),
}).meta({ id: 'StockLevel' });
const qtyMark = z.number().int().min(0).max(1_000_000_000).nullable();
const stockAlertOut = z.object({
  scope: z.enum(['warehouse', 'sku']), skuId: z.string(), skuCode: z.string(), productName: z.string(), specText: z.string(), baseUnit: z.string(),
  warehouseId: z.string().nullable(), warehouseName: z.string().nullable(), onHand: z.number().int(), reserved: z.number().int(), free: z.number().int(),
  safetyStock: z.number().int(), lowMark: z.number().int().nullable(), overstockMark: z.number().int().nullable(), soldLast30Days: z.number().int(),
  suggestedQty: z.number().int().nullable(), excessQty: z.number().int().nullable(),
}).meta({ id: 'StockAlert' });
const stockCursor = z.string().max(140).regex(/^[0-9A-Za-z_/-]+$/, 'not a cursor').optional();

const transferOut = z.object({
  id: z.string(), transferNo: z.string(), fromWarehouseId: z.string(), toWarehouseId: z.string(), status: z.enum(TRANSFER_STATUSES),
  lines: z.array(z.object({ skuId: z.string(), qty: z.number().int(), skuCode: z.string().optional(), productName: z.string().optional(), baseUnit: z.string().optional() })), remark: z.string().nullable(), createdBy: z.string(),
  shippedAt: z.string().nullable(), receivedAt: z.string().nullable(), createdAt: z.string(), version: z.number().int(),
}).meta({ id: 'StockTransfer' });

const stocktakeOut = z.object({
  id: z.string(), stocktakeNo: z.string(), warehouseId: z.string(), status: z.enum(STOCKTAKE_STATUSES), remark: z.string().nullable(), createdBy: z.string(),
  lines: z.array(z.object({ skuId: z.string(), skuCode: z.string(), productName: z.string(), baseUnit: z.string().optional(), systemQty: z.number().int(), countedQty: z.number().int().nullable() })),
  confirmedAt: z.string().nullable(), createdAt: z.string(), version: z.number().int(), differences: z.number().int(),
}).meta({ id: 'Stocktake' });

const receiptOut = z.object({
  id: z.string(), receiptNo: z.string(), warehouseId: z.string(), status: z.enum(RECEIPT_STATUSES), supplier: z.string().nullable(), remark: z.string().nullable(),
  lines: z.array(z.object({ skuId: z.string(), skuCode: z.string(), productName: z.string(), baseUnit: z.string(), qty: z.number().int(), costPriceFen: z.number().int().nullable() })),
  createdBy: z.string(), confirmedBy: z.string().nullable(), confirmedAt: z.string().nullable(), createdAt: z.string(), version: z.number().int(),
  totalQty: z.number().int(), totalCostFen: z.number().int(),
}).meta({ id: 'InboundReceipt' });

export function inventoryRoutes(inventory: InventoryService, transfers: TransfersService, stocktakes: StocktakesService, receipts: ReceiptsService, database: Database) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = staffRoute('inventory.read');
    const write = staffRoute('inventory.write');
    r.get('/warehouses', { config: read, schema: { tags, summary: 'Warehouses', response: { 200: z.object({ items: z.array(warehouseOut) }), ...errors } } },
      async (req) => inventory.listWarehouses(operatorCtx(req)));
    r.post('/warehouses', { config: write, schema: { tags, summary: 'Create a warehouse', body: z.strictObject(warehouseFields), response: { 201: warehouseOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await inventory.createWarehouse(operatorCtx(req), req.body)));
    r.patch('/warehouses/:id', { config: write, schema: { tags, summary: 'Edit a warehouse (regions served, priority, active)', params: idParams,
      body: z.strictObject({ ...Object.fromEntries(Object.entries(warehouseFields).map(([k, v]) => [k, v.optional()])), version: versionField }), response: { 200: warehouseOut, ...errors } } },
    async (req) => inventory.updateWarehouse(operatorCtx(req), req.params.id, req.body as Parameters<InventoryService['updateWarehouse']>[2]));
    r.get('/stock', { config: read, schema: { tags, summary: 'Stock per SKU and warehouse (on hand, reserved, available)',
      querystring: z.strictObject({ limit: pageQuery.limit, cursor: stockCursor, warehouseId: idParam.optional(), skuId: idParam.optional(), q: z.string().trim().min(1).max(64).optional(), low: z.enum(['true', 'false']).optional() }),
      response: { 200: pageOf(stockOut), ...errors } } },
    async (req) => inventory.stock(operatorCtx(req), { ...req.query, low: req.query.low === 'true' }));
    r.post('/stock/adjustments', { config: write, schema: { tags, summary: 'Inbound (入库) or manual adjustment of one SKU in one warehouse, with a reason; an optional Idempotency-Key header makes a retry answer the first adjustment instead of making another',
      body: z.strictObject({ warehouseId: idParam, skuId: idParam, delta: z.number().int().min(-1_000_000_000).max(1_000_000_000).refine((n) => n !== 0, 'must not be 0'), kind: z.enum(['inbound', 'adjust']), reason: z.string().trim().min(1).max(200) }),
      response: { 201: z.object({ docId: z.string(), skuId: z.string(), warehouseId: z.string(), onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() }), ...errors } } },
    async (req, reply) => {
      const res = await inventory.adjust(operatorCtx(req), req.body, optionalIdempotencyKeyOf(req));
      return reply.status(res.status).send(res.body);
    });
    r.put('/stock/:skuId/:warehouseId/safety-stock', { config: write, schema: { tags, summary: 'Set the safety stock (安全库存) and the low-stock / overstock marks of a SKU in a warehouse', params: z.object({ skuId: idParam, warehouseId: idParam }),
      body: z.strictObject({ safetyStock: z.number().int().min(0).max(1_000_000_000), lowStockQty: qtyMark.optional(), overstockQty: qtyMark.optional() }),
      response: { 200: z.object({ skuId: z.string(), warehouseId: z.string(), safetyStock: z.number().int(), lowStockQty: z.number().int().nullable(), overstockQty: z.number().int().nullable() }), 422: problemSchema, ...errors } } },
    async (req) => inventory.setSafetyStock(operatorCtx(req), req.params.skuId, req.params.warehouseId, req.body));
    r.put('/stock/:skuId/thresholds', { config: write, schema: { tags, summary: 'Set the low-stock / overstock marks of a SKU over all warehouses together', params: z.object({ skuId: idParam }),
      body: z.strictObject({ lowStockQty: qtyMark, overstockQty: qtyMark }),
      response: { 200: z.object({ skuId: z.string(), lowStockQty: z.number().int().nullable(), overstockQty: z.number().int().nullable() }), 422: problemSchema, ...errors } } },
    async (req) => inventory.setSkuThresholds(operatorCtx(req), req.params.skuId, req.body));
    r.get('/inventory/alerts', { config: read, schema: { tags, summary: '库存预警: SKUs at or below their low-stock mark (with a suggested purchase) or above their overstock mark, per warehouse and per SKU',
      querystring: z.strictObject({ kind: z.enum(['low', 'over']).default('low'), warehouseId: idParam.optional(), scope: z.enum(['warehouse', 'sku']).optional() }),
      response: { 200: z.object({ kind: z.enum(['low', 'over']), items: z.array(stockAlertOut) }), ...errors } } },
    async (req) => thresholdAlerts(database, operatorCtx(req), req.query));
    r.get('/stock-transfers', { config: read, schema: { tags, summary: 'Transfers between warehouses (调拨单)', querystring: z.strictObject({ ...pageQuery, status: z.enum(TRANSFER_STATUSES).optional() }), response: { 200: pageOf(transferOut), ...errors } } },
      async (req) => transfers.list(operatorCtx(req), req.query));
    r.post('/stock-transfers', { config: write, schema: { tags, summary: 'Draft a transfer between two warehouses',
      body: z.strictObject({ fromWarehouseId: idParam, toWarehouseId: idParam, lines: z.array(z.strictObject({ skuId: idParam, qty: z.number().int().min(1).max(1_000_000_000) })).min(1).max(500), remark: z.string().trim().max(200).optional() }),
      response: { 201: transferOut, ...errors } } },
    async (req, reply) => reply.status(201).send(await transfers.create(operatorCtx(req), req.body)));
    r.get('/stock-transfers/:id', { config: read, schema: { tags, summary: 'One transfer', params: idParams, response: { 200: transferOut, ...errors } } },
      async (req) => transfers.get(operatorCtx(req), req.params.id));
    r.get('/stock-transfers/:id/print', { config: read, schema: { tags, summary: 'Print view of a transfer (HTML)', params: idParams, produces: ['text/html'], response: { 200: z.string(), ...errors } } },
      async (req, reply) => reply.type('text/html; charset=utf-8').send(await transfers.print(operatorCtx(req), req.params.id)));
    for (const [step, summary] of [['ship', 'Ship a drafted transfer: the stock leaves the source warehouse (in transit)'], ['receive', 'Receive a transfer in transit at the destination'], ['cancel', 'Cancel a drafted transfer']] as const) {
      r.post(`/stock-transfers/:id/${step}`, { config: write, schema: { tags, summary, params: idParams, body: z.strictObject({ version: versionField }), response: { 200: transferOut, ...errors } } },
        async (req) => transfers[step](operatorCtx(req), req.params.id, req.body.version));
    }
    r.get('/inbound-receipts', { config: read, schema: { tags, summary: 'Inbound receipts (入库单)', querystring: z.strictObject({ ...pageQuery, status: z.enum(RECEIPT_STATUSES).optional() }), response: { 200: pageOf(receiptOut), ...errors } } },
      async (req) => receipts.list(operatorCtx(req), req.query));
    r.post('/inbound-receipts', { config: write, schema: { tags, summary: 'Draft an inbound receipt (stock arrives when it is confirmed)',
      body: z.strictObject({ warehouseId: idParam, supplier: z.string().trim().max(100).optional(), remark: z.string().trim().max(200).optional(),
        lines: z.array(z.strictObject({ skuId: idParam, qty: z.number().int().min(1).max(1_000_000_000), costPriceFen: z.number().int().min(0).max(1_000_000_000_00).optional() })).min(1).max(500) }),
      response: { 201: receiptOut, ...errors } } },
    async (req, reply) => reply.status(201).send(await receipts.create(operatorCtx(req), req.body)));
    r.get('/inbound-receipts/:id', { config: read, schema: { tags, summary: 'One inbound receipt', params: idParams, response: { 200: receiptOut, ...errors } } },
      async (req) => receipts.get(operatorCtx(req), req.params.id));
    r.get('/inbound-receipts/:id/print', { config: read, schema: { tags, summary: 'Print view of an inbound receipt (HTML)', params: idParams, produces: ['text/html'], response: { 200: z.string(), ...errors } } },
      async (req, reply) => reply.type('text/html; charset=utf-8').send(await receipts.print(operatorCtx(req), req.params.id)));
    for (const [step, summary] of [['confirm', 'Confirm the receipt: the stock arrives and cost prices are updated (once)'], ['cancel', 'Cancel a drafted receipt']] as const) {
      r.post(`/inbound-receipts/:id/${step}`, { config: write, schema: { tags, summary, params: idParams, body: z.strictObject({ version: versionField }), response: { 200: receiptOut, ...errors } } },
        async (req) => receipts[step](operatorCtx(req), req.params.id, req.body.version));
    }
    r.get('/stocktakes', { config: read, schema: { tags, summary: 'Stocktakes (盘点单)', querystring: z.strictObject({ ...pageQuery, status: z.enum(STOCKTAKE_STATUSES).optional() }), response: { 200: pageOf(stocktakeOut), ...errors } } },
      async (req) => stocktakes.list(operatorCtx(req), req.query));
    r.post('/stocktakes', { config: write, schema: { tags, summary: 'Start a stocktake of a warehouse (every SKU it holds, or those named)',
      body: z.strictObject({ warehouseId: idParam, skuIds: z.array(idParam).max(5000).optional(), remark: z.string().trim().max(200).optional() }), response: { 201: stocktakeOut, ...errors } } },
    async (req, reply) => reply.status(201).send(await stocktakes.create(operatorCtx(req), req.body)));
    r.get('/stocktakes/:id', { config: read, schema: { tags, summary: 'One stocktake with its lines', params: idParams, response: { 200: stocktakeOut, ...errors } } },
      async (req) => stocktakes.get(operatorCtx(req), req.params.id));
    r.put('/stocktakes/:id/counts', { config: write, schema: { tags, summary: 'Record counted quantities', params: idParams,
      body: z.strictObject({ version: versionField, counts: z.array(z.strictObject({ skuId: idParam, countedQty: z.number().int().min(0).max(1_000_000_000) })).min(1).max(5000) }), response: { 200: stocktakeOut, ...errors } } },
    async (req) => stocktakes.count(operatorCtx(req), req.params.id, req.body.version, req.body.counts));
    for (const [step, summary] of [['confirm', 'Confirm the stocktake: post every difference to the ledger (once)'], ['cancel', 'Cancel a stocktake still being counted']] as const) {
      r.post(`/stocktakes/:id/${step}`, { config: write, schema: { tags, summary, params: idParams, body: z.strictObject({ version: versionField }), response: { 200: stocktakeOut, ...errors } } },
        async (req) => stocktakes[step](operatorCtx(req), req.params.id, req.body.version));
    }
    r.get('/stocktakes/:id/print', { config: read, schema: { tags, summary: 'The printable (blind) count sheet', params: idParams, produces: ['text/html'], response: { 200: z.string(), ...errors } } },
      async (req, reply) => reply.type('text/html; charset=utf-8').send(await stocktakes.print(operatorCtx(req), req.params.id)));
    r.get('/stock/replenishment', { config: read, schema: { tags, summary: 'What to purchase: SKUs at or below safety stock, with 30-day sales and a suggested quantity',
      response: { 200: z.object({ items: z.array(z.object({ skuId: z.string(), skuCode: z.string(), productName: z.string(), baseUnit: z.string(), onHand: z.number().int(), reserved: z.number().int(),
        safetyStock: z.number().int(), lowMark: z.number().int(), soldLast30Days: z.number().int(), suggestedQty: z.number().int() })) }), ...errors } } },
    async (req) => replenishmentList(database, operatorCtx(req)));
    r.get('/stock/movements', { config: read, schema: { tags, summary: 'The stock ledger, newest first', querystring: z.strictObject({ ...pageQuery, skuId: idParam.optional(), warehouseId: idParam.optional() }),
      response: { 200: pageOf(z.object({ id: z.string(), warehouseId: z.string(), warehouseName: z.string(), skuId: z.string(), skuCode: z.string(), productName: z.string(), kind: z.string(), onHandDelta: z.number().int(), reservedDelta: z.number().int(), docType: z.string(), docId: z.string(), reason: z.string().nullable(), actorKind: z.string(), actorId: z.string(), at: z.string() })), ...errors } } },
    async (req) => inventory.movements(operatorCtx(req), req.query));
  };
}
