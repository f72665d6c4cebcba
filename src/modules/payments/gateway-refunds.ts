/**
 * An `original` refund goes back the way the money came: through the gateway of each online payment of the order
 * (newest first), up to what that payment has not yet refunded; whatever is left was paid outside (a transfer, COD)
 * and finance pays it back by hand. Called inside the approval's transaction, after the order lock and before the
 * account lock. Each gateway refund's number is derived from the refund's id, so if the transaction fails after the
 * gateway answered, approving again asks the gateway with the same number and it refunds only once.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { GatewayName } from './gateways/payment-gateway.js';
import type { GatewayRegistry } from './online-gateways.js';
import { payments } from './payments.tables.js';
import type { RefundRow } from './refund-request.js';
import type { GatewayRefundEntry } from './refunds.tables.js';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** Per online payment of the order: what succeeded refunds already took back through its gateway. */
async function refundedPerPayment(tx: Tx, tenantId: string, orderId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ payment_id: string; fen: string | number }>(await tx.execute(sql`
    select e->>'paymentId' as payment_id, sum((e->>'amountFen')::bigint) as fen
    from refunds r, jsonb_array_elements(r.gateway_refunds) e
    where r.tenant_id = ${tenantId} and r.order_id = ${orderId} and r.status = 'succeeded'
    group by 1`));
  return new Map(rows.map((r) => [r.payment_id, Number(r.fen)]));
}

export async function refundThroughGateways(tx: Tx, tenantId: string, gateways: GatewayRegistry, r: RefundRow): Promise<GatewayRefundEntry[]> {
  if (r.destination !== 'original') return [];
  const online = await tx.select().from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.orderId, r.orderId), eq(payments.status, 'succeeded'), isNotNull(payments.gateway)))
    .orderBy(desc(payments.id));
  if (online.length === 0) return [];
  const taken = await refundedPerPayment(tx, tenantId, r.orderId);
  const entries: GatewayRefundEntry[] = [];
  let left = r.amountFen;
  for (const p of online) {
    const take = Math.min(left, p.amountFen - (taken.get(p.id) ?? 0));
    if (take <= 0) continue;
    const gw = gateways[p.gateway as GatewayName];
    if (!gw) throw new AppError('gateway_unavailable', { message: `payment ${p.paymentNo} came through ${p.gateway}, which this server no longer has configured; refund it to the balance`, details: { paymentNo: p.paymentNo, gateway: p.gateway } });
    // Alphanumeric (UnionPay's orderId rules are the strictest of the three), unique per refund and payment.
    const outRefundNo = `${r.id}R${entries.length}`;
    const res = await gw.refund({ outTradeNo: p.id, tradeNo: p.gatewayTradeNo, outRefundNo, amountFen: take, totalFen: p.amountFen, reason: (r.reason ?? '退款').slice(0, 80) });
    if (res.state === 'failed') throw new AppError('gateway_refused', { message: `${p.gateway} refused to refund ${take} fen of payment ${p.paymentNo}`, details: { paymentNo: p.paymentNo, amountFen: take } });
    entries.push({ paymentId: p.id, paymentNo: p.paymentNo, gateway: p.gateway!, amountFen: take, outRefundNo, refundNo: res.refundNo, state: res.state });
    left -= take;
    if (left === 0) break;
  }
  return entries;
}
