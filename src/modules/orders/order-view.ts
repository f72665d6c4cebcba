import type { ShipmentRow } from '../fulfilment/shipments.repository.js';
import type { Actor } from '../../platform/auth/actor.js';
import { imageUrl } from '../cart/sellables.js';
import { decide, staffPermission, type ChainFacts, type OrderAction } from './domain/order-state.js';
import type { OrderEventRow, OrderLineRow, OrderRow } from './orders.repository.js';

export type AllowedAction = 'approve' | 'reject' | 'void' | 'ship' | 'receive' | 'edit' | 'cancel' | 'reorder';

/** The facts `decide` needs to tell whether an action is allowed at all; the next status does not matter here. */
const ANY_CHAIN: ChainFacts = { memberApproval: false, review: true, finance: true, release: true };

/** What this viewer may do with the order now (the buttons a screen shows). */
export function allowedActions(o: OrderRow, actor: Actor): AllowedAction[] {
  const can = (a: OrderAction) => decide(o.status, a, ANY_CHAIN).ok;
  if (actor.kind === 'member') {
    const writer = actor.memberRole !== 'viewer';
    const approver = actor.memberRole === 'approver' || actor.isAdmin;
    const out: AllowedAction[] = [];
    if (approver && can('member_approve')) out.push('approve', 'reject');
    if (writer && can('cancel')) out.push('cancel');
    if (writer && can('receive')) out.push('receive');
    if (writer) out.push('reorder');
    return out;
  }
  const staff: [AllowedAction, OrderAction][] = [['approve', 'approve'], ['reject', 'reject'], ['void', 'void'], ['ship', 'ship'], ['receive', 'receive'], ['edit', 'edit']];
  return staff.filter(([, a]) => {
    const perm = staffPermission(o.status, a);
    return can(a) && perm !== null && actor.permissions.has(perm);
  }).map(([name]) => name);
}

export function toOrderSummary(o: OrderRow) {
  return {
    id: o.id, orderNo: o.orderNo, status: o.status, fulfilmentStatus: o.fulfilmentStatus, paymentStatus: o.paymentStatus, source: o.source,
    customerId: o.customerId, customerCode: o.customerCode, customerName: o.customerName, placedByName: o.placedByName,
    totalFen: o.totalFen, lineCount: o.lineCount, quantity: o.quantity, firstLineName: o.firstLineName,
    submittedAt: o.submittedAt.toISOString(), version: o.version,
  };
}

export function toOrderDetail(o: OrderRow, lines: OrderLineRow[], events: OrderEventRow[], actor: Actor, parcels: ShipmentRow[] = []) {
  return {
    ...toOrderSummary(o),
    address: o.address, requestedDate: o.requestedDate, remark: o.remark, invoice: o.invoice, paymentMethod: o.paymentMethod,
    totals: {
      goodsFen: o.goodsFen, discountFen: o.discountFen, shippingFen: o.shippingFen, totalFen: o.totalFen, lineCount: o.lineCount,
      quantity: o.quantity, weightGrams: o.weightGrams, taxes: o.taxes, adjustments: [],
    },
    paidFen: o.paidFen, amountDueFen: o.totalFen - o.paidFen, revision: o.revision, rejectReason: o.rejectReason, cancelReason: o.cancelReason,
    carrier: o.carrier, trackingNo: o.trackingNo,
    lines: lines.map((l) => ({
      id: l.id, lineNo: l.lineNo, productId: l.productId, skuId: l.skuId, skuUnitId: l.skuUnitId, productName: l.productName, skuCode: l.skuCode,
      specText: l.specText, unitName: l.unitName, conversion: l.conversion, qty: l.qty, baseQty: l.baseQty, listPriceFen: l.listPriceFen,
      unitPriceFen: l.unitPriceFen, priceSource: l.priceSource, priceOverridden: l.priceOverridden, amountFen: l.amountFen, taxRateBp: l.taxRateBp,
      imageUrl: imageUrl(l.imageId),
    })),
    events: events.map((e) => ({
      id: e.id, at: e.at.toISOString(), action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, actorKind: e.actorKind,
      actorName: e.actorName, reason: e.reason, revision: e.revision, changes: (e.changes ?? null) as OrderChanges | null,
    })),
    allowedActions: allowedActions(o, actor),
    payments: [] as never[],
    shipments: parcels.filter((s) => s.status !== 'cancelled').map((s) => ({
      id: s.id, shipmentNo: s.shipmentNo, status: s.status, warehouseId: s.warehouseId, quantity: s.lines.reduce((a, l) => a + l.qty, 0),
      carrierName: s.carrierName, trackingNo: s.trackingNo, shippedAt: s.shippedAt?.toISOString() ?? null,
    })),
  };
}

export interface LineChange { skuCode: string; productName: string; unitName: string; kind: 'added' | 'removed' | 'qty' | 'price'; before: number | null; after: number | null }
export interface OrderChanges {
  lines: LineChange[];
  address?: { before: string; after: string };
  remark?: { before: string | null; after: string | null };
  totalBeforeFen: number; totalAfterFen: number; differenceFen: number;
  /** What the customer had paid when the edit was made: nothing paid → the difference is no refund, just a lower total. */
  paidFen?: number;
}
