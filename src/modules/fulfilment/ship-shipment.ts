/**
 * Shipping a parcel (发货): the tracking number is typed in or issued by the carrier integration (电子面单, asked
 * before the transaction so no lock waits on the network; the carrier returns the same number for the same
 * shipment, so a retry is safe); then one transaction consumes the stock, marks the shipment shipped, and — when
 * nothing of the order is left — moves the order to 待收货确认. After commit the parcel's tracking is subscribed.
 */
import { and, eq } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import type { Logger } from '../../platform/logger.js';
import { consumeForShipment } from '../inventory/shipment-stock.js';
import { activeWarehouses } from '../inventory/stock-ledger.js';
import { warehouses } from '../inventory/inventory.tables.js';
import { applyAction, checkVersion, findOrder, orderDetail } from '../orders/orders.service.js';
import { recordOrderEvent, type OrderRow } from '../orders/orders.repository.js';
import { readSettings } from '../settings/settings.service.js';
import { carrierName, CARRIERS, type CarrierGateway } from '../logistics/carrier.js';
import { pushSalt } from '../logistics/tracking.js';
import { defaultLines, inShipments, uncovered } from './domain/shipment-plan.js';
import { shipments } from './fulfilment.tables.js';
import { createShipmentTx, expectState, lockShipment, orderPlan, refreshFulfilment, shipmentDetail } from './shipments.service.js';
import type { ShipmentRow } from './shipments.repository.js';
import { reservedFor } from '../inventory/shipment-stock.js';
import { newId } from '../../platform/ids.js';
import { nextSequence } from '../../platform/db/sequences.js';

export interface ShipInput { version?: number; carrierCode: string; trackingNo?: string; requestWaybill?: boolean }
export interface LogisticsDeps { gateway: CarrierGateway | null; publicUrl: string; secret: string; logger: Logger }

const trackable = (code: string | null) => !!code && code !== 'self';

/** Marks a locked shipment shipped and moves its stock; closes the order's shipping when nothing is left. */
async function shipTx(tx: Tx, ctx: Ctx<Operator>, o: OrderRow, s: ShipmentRow, p: { carrierCode: string | null; carrierName: string; trackingNo: string | null; waybillVia: string | null }) {
  if (s.warehouseId) await consumeForShipment(tx, ctx.tenantId, ctx.actor, { orderId: o.id, warehouseId: s.warehouseId, shipmentId: s.id, lines: s.lines });
  const now = new Date();
  const [row] = await tx.update(shipments).set({
    status: 'shipped', carrierCode: p.carrierCode, carrierName: p.carrierName, trackingNo: p.trackingNo, waybillVia: p.waybillVia,
    shippedAt: now, packedAt: s.packedAt ?? now, updatedAt: now, version: s.version + 1,
  }).where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, s.id))).returning();
  const { ordered, list } = await orderPlan(tx, ctx.tenantId, o.id);
  const done = uncovered(ordered, list).size === 0 && inShipments(list, 'open').size === 0;
  let after = await refreshFulfilment(tx, ctx.tenantId, o);
  await recordOrderEvent(tx, ctx.tenantId, o, ctx.actor, { action: 'shipment_shipped', from: o.status, to: o.status, revision: o.revision,
    changes: { shipmentId: s.id, shipmentNo: s.shipmentNo, carrier: p.carrierName, trackingNo: p.trackingNo } });
  if (done) after = await applyAction(tx, ctx, after, 'ship', { carrier: p.carrierName, trackingNo: p.trackingNo ?? undefined });
  await emitEvent(tx, ctx.tenantId, { topic: 'shipment.shipped', aggregateType: 'shipment', aggregateId: s.id,
    payload: { orderId: o.id, orderNo: o.orderNo, shipmentNo: s.shipmentNo, carrier: p.carrierName, trackingNo: p.trackingNo, orderShipped: done } });
  return { shipment: row, order: after };
}

export function createShippingFlow(database: Database, deps: LogisticsDeps) {
  const { gateway } = deps;

  /** After commit: ask the carrier to push this parcel's tracking. A failure leaves the parcel unsubscribed (staff can refresh by hand). */
  async function subscribe(tenantId: string, tenantSlug: string, s: ShipmentRow, phone: string) {
    if (!gateway || !trackable(s.carrierCode) || !s.trackingNo) return;
    try {
      await gateway.subscribe({ carrierCode: s.carrierCode!, trackingNo: s.trackingNo, phone,
        callbackUrl: `${deps.publicUrl}/api/v1/webhooks/${gateway.via}/${tenantSlug}/${s.id}`, salt: pushSalt(deps.secret, gateway.via, tenantId, s.id) });
      await database.tx(tenantId, (tx) => tx.update(shipments).set({ trackingVia: gateway.via }).where(and(eq(shipments.tenantId, tenantId), eq(shipments.id, s.id))));
    } catch (e) {
      deps.logger.warn({ err: e, shipmentId: s.id }, 'tracking subscription failed');
    }
  }

  async function waybill(ctx: Ctx<Operator>, id: string, input: ShipInput): Promise<string> {
    if (!gateway) throw new AppError('carrier_rejected', { message: 'no carrier integration is configured; type the tracking number in' });
    const req = await database.tx(ctx.tenantId, async (tx) => {
      const [s] = await tx.select().from(shipments).where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, id)));
      if (!s) throw new AppError('not_found', { message: 'shipment not found' });
      const o = await findOrder(tx, ctx.tenantId, ctx.actor, s.orderId);
      expectState(s, input.version, ['picking', 'packed']);
      const [w] = s.warehouseId ? await tx.select().from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, s.warehouseId))) : [];
      const { settings } = await readSettings(tx, ctx.tenantId);
      return {
        shipmentNo: s.shipmentNo, carrierCode: input.carrierCode, packages: s.packages, weightGrams: s.weightGrams,
        cargo: s.lines.map((l) => l.productName).slice(0, 3).join('、').slice(0, 100),
        sender: { name: settings.companyName || ctx.actor.name, phone: settings.supportPhone || '-', address: w?.address || w?.name || '-' },
        receiver: { name: o.address.receiver, phone: o.address.phone, address: `${o.address.regionText} ${o.address.detail}`.trim() },
      };
    });
    return (await gateway.createWaybill(req)).trackingNo;
  }

  function shipParams(input: { carrierCode: string; trackingNo?: string }, via: string | null) {
    const trackingNo = input.trackingNo?.trim() || null;
    if (!trackingNo && trackable(input.carrierCode)) {
      throw new AppError('validation_failed', { message: 'a tracking number is needed (or ask the carrier for one)', errors: [{ path: 'body.trackingNo', message: 'required' }] });
    }
    return { carrierCode: input.carrierCode, carrierName: carrierName(input.carrierCode), trackingNo, waybillVia: trackingNo ? via ?? 'manual' : null };
  }

  return {
    async ship(ctx: Ctx<Operator>, tenantSlug: string, id: string, input: ShipInput) {
      const trackingNo = input.requestWaybill ? await waybill(ctx, id, input) : input.trackingNo;
      const params = shipParams({ carrierCode: input.carrierCode, trackingNo }, input.requestWaybill ? gateway!.via : null);
      const res = await database.tx(ctx.tenantId, async (tx) => {
        const { o, s } = await lockShipment(tx, ctx, id);
        expectState(s, input.version, ['picking', 'packed']);
        const { shipment } = await shipTx(tx, ctx, o, s, params);
        return { shipment, phone: o.address.phone, out: await shipmentDetail(tx, ctx.tenantId, shipment) };
      });
      await subscribe(ctx.tenantId, tenantSlug, res.shipment, res.phone);
      return res.out;
    },

    /**
     * 整单发货: ships everything the order still has to ship — one shipment per warehouse holding its stock — with one
     * carrier and tracking number (or none for 自送). The quick path for a company that does not pick and pack.
     */
    async shipWholeOrder(ctx: Ctx<Operator>, tenantSlug: string, orderId: string, input: { version?: number; carrier?: string; trackingNo?: string }) {
      const known = CARRIERS.find((c) => c.code === input.carrier || c.name === input.carrier);
      const params = { carrierCode: known?.code ?? null, carrierName: known?.name ?? (input.carrier?.trim() || '自送/自提'), trackingNo: input.trackingNo?.trim() || null, waybillVia: input.trackingNo?.trim() ? 'manual' : null };
      const res = await database.tx(ctx.tenantId, async (tx) => {
        let o = await findOrder(tx, ctx.tenantId, ctx.actor, orderId, true);
        checkVersion(o, input.version);
        if (o.status !== 'pending_shipment') throw new AppError('order_state_conflict', { message: `cannot ship an order that is ${o.status}`, details: { status: o.status } });
        const shipped: ShipmentRow[] = [];
        const whs = await activeWarehouses(tx, ctx.tenantId);
        for (const w of whs) {
          const { ordered, list } = await orderPlan(tx, ctx.tenantId, o.id);
          const lines = defaultLines(await reservedFor(tx, ctx.tenantId, o.id, w.id), inShipments(list, 'open', w.id), uncovered(ordered, list));
          if (!lines.length) continue;
          const s = await createShipmentTx(tx, ctx, o, { orderId: o.id, warehouseId: w.id, lines });
          o = await findOrder(tx, ctx.tenantId, ctx.actor, orderId, true);
          const r = await shipTx(tx, ctx, o, s, params);
          shipped.push(r.shipment);
          o = r.order;
        }
        const { ordered, list } = await orderPlan(tx, ctx.tenantId, o.id);
        const open = list.filter((s) => s.status === 'picking' || s.status === 'packed');
        for (const s of open) {
          const r = await shipTx(tx, ctx, o, s, params);
          shipped.push(r.shipment);
          o = r.order;
        }
        const left = uncovered(ordered, list);
        if (left.size && !whs.length) {
          // No warehouse: stock is not tracked, so the parcel draws on nothing.
          const n = await nextSequence(tx, ctx.tenantId, 'shipment');
          const lines = (await orderPlan(tx, ctx.tenantId, o.id)).lines.filter((l) => left.has(l.skuId));
          const [s] = await tx.insert(shipments).values({ tenantId: ctx.tenantId, id: newId(), shipmentNo: `FH${String(n).padStart(6, '0')}`, orderId: o.id, warehouseId: null,
            lines: [...left].map(([skuId, qty]) => { const l = lines.find((x) => x.skuId === skuId)!; return { skuId, skuCode: l.skuCode, productName: l.productName, specText: l.specText, baseUnit: '', qty }; }),
            createdBy: ctx.actor.name }).returning();
          const r = await shipTx(tx, ctx, o, s, params);
          shipped.push(r.shipment);
          o = r.order;
        } else if (left.size && !shipped.length) {
          throw new AppError('insufficient_stock', { message: 'the order holds no stock in any warehouse yet; receive stock or create a shipment from a warehouse that has it', details: { lines: [...left].map(([skuId, qty]) => ({ skuId, qty })) } });
        }
        return { shipped, phone: o.address.phone, out: await orderDetail(tx, ctx.tenantId, ctx.actor, o) };
      });
      for (const s of res.shipped) await subscribe(ctx.tenantId, tenantSlug, s, res.phone);
      return res.out;
    },
  };
}

export type ShippingFlow = ReturnType<typeof createShippingFlow>;
