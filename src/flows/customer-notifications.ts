/**
 * What the outbox worker tells customers (通知): money received, a refund paid, a parcel shipped, an order rejected,
 * cancelled, voided or completed — by email to every login of the company that has an address (the notifier also
 * logs; SMS joins when a gateway exists). Runs in the worker's transaction: a failed send retries the event.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../platform/db/database.js';
import type { Notifier } from '../platform/mail/notifier.js';
import type { OutboxEvent, OutboxHandler } from '../platform/outbox/outbox-worker.js';
import { customerMembers } from '../modules/customers/customers.tables.js';
import { orders } from '../modules/orders/orders.tables.js';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const ORDER_ENDINGS: Record<string, string> = { rejected: '已驳回', cancelled: '已取消', voided: '已作废', completed: '已完成' };

interface Notice { customerId: string; subject: string; text: string }

async function orderOf(tx: Tx, tenantId: string, id: unknown) {
  if (typeof id !== 'string') return null;
  const [o] = await tx.select({ customerId: orders.customerId, orderNo: orders.orderNo }).from(orders).where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)));
  return o ?? null;
}

/** The notice an event makes, or null when customers are not told about it. */
async function noticeOf(tx: Tx, e: OutboxEvent): Promise<Notice | null> {
  const p = e.payload as Record<string, unknown>;
  if (e.topic === 'payment.succeeded' && typeof p.customerId === 'string') {
    const o = await orderOf(tx, e.tenantId, p.orderId);
    const what = p.purpose === 'recharge' ? '预存款充值' : o ? `订单 ${o.orderNo}` : '还款';
    return { customerId: p.customerId, subject: `收款成功：${what} ${yuan(Number(p.amountFen))}`, text: `您的${what}已收到 ${yuan(Number(p.amountFen))}（收款单 ${String(p.paymentNo)}）。` };
  }
  if (e.topic === 'refund.succeeded' && typeof p.customerId === 'string') {
    const o = await orderOf(tx, e.tenantId, p.orderId);
    return { customerId: p.customerId, subject: `退款成功：${yuan(Number(p.amountFen))}`, text: `订单 ${o?.orderNo ?? ''} 的退款 ${yuan(Number(p.amountFen))} 已退出（退款单 ${String(p.refundNo)}）。` };
  }
  if (e.topic === 'shipment.shipped') {
    const o = await orderOf(tx, e.tenantId, p.orderId);
    if (!o) return null;
    const parcel = [p.carrier, p.trackingNo].filter(Boolean).join(' ');
    return { customerId: o.customerId, subject: `订单 ${o.orderNo} 已发货${parcel ? `：${parcel}` : ''}`, text: `发货单 ${String(p.shipmentNo)} 已发出${parcel ? `，物流：${parcel}` : ''}。可在订货端的订单详情查看物流。` };
  }
  if (e.topic.startsWith('order.') && typeof p.customerId === 'string' && p.from !== p.to && typeof p.to === 'string' && ORDER_ENDINGS[p.to]) {
    return { customerId: p.customerId, subject: `订单 ${String(p.orderNo)} ${ORDER_ENDINGS[p.to]}`, text: `您的订单 ${String(p.orderNo)} ${ORDER_ENDINGS[p.to]}。` };
  }
  return null;
}

export function customerNotifications(notifier: Notifier): OutboxHandler {
  return {
    handles: (topic) => topic === 'payment.succeeded' || topic === 'refund.succeeded' || topic === 'shipment.shipped' || topic.startsWith('order.'),
    async handle(tx, e) {
      const n = await noticeOf(tx, e);
      if (!n) return;
      const to = await tx.select({ email: customerMembers.email }).from(customerMembers)
        .where(and(eq(customerMembers.tenantId, e.tenantId), eq(customerMembers.customerId, n.customerId), isNotNull(customerMembers.email), eq(customerMembers.status, 'active')));
      for (const m of to) await notifier.send({ to: { email: m.email }, subject: n.subject, text: n.text });
    },
  };
}
