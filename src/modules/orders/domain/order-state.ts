/**
 * The order's review status as a pure, table-driven state machine (GLOSSARY.md review chain).
 * Facts in, a target status or a refusal out; no I/O. The service loads the facts and writes the result.
 *
 *   pending_approval → pending_review → pending_finance → pending_release → pending_shipment → pending_receipt → completed
 *   (each of the first four can be skipped per tenant or by auto-approval rules)   + rejected · cancelled · voided
 */
export const ORDER_STATUSES = [
  'pending_approval', 'pending_review', 'pending_finance', 'pending_release', 'pending_shipment', 'pending_receipt',
  'completed', 'rejected', 'cancelled', 'voided',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const FULFILMENT_STATUSES = ['unfulfilled', 'partially_picked', 'picked', 'partially_shipped', 'shipped', 'delivered'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];
export const PAYMENT_STATUSES = ['unpaid', 'pending_confirmation', 'partially_paid', 'paid', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const ORDER_ACTIONS = ['member_approve', 'member_reject', 'approve', 'reject', 'cancel', 'void', 'ship', 'receive', 'auto_confirm', 'edit'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** The statuses an order passes before shipment, in chain order. */
const CHAIN: readonly OrderStatus[] = ['pending_approval', 'pending_review', 'pending_finance', 'pending_release', 'pending_shipment'];
/** Before release (出库审核): the customer may cancel, staff may edit. */
const BEFORE_RELEASE: readonly OrderStatus[] = ['pending_approval', 'pending_review', 'pending_finance', 'pending_release'];
const STAFF_REVIEW: readonly OrderStatus[] = ['pending_review', 'pending_finance', 'pending_release'];
export const TERMINAL: readonly OrderStatus[] = ['completed', 'rejected', 'cancelled', 'voided'];

/** What decides which review steps an order passes; computed by `chainFacts` from settings, customer and amount. */
export interface ChainFacts {
  /** The customer's own approver must approve a buyer's order first. */
  memberApproval: boolean;
  review: boolean;
  finance: boolean;
  release: boolean;
}

export interface ChainSettings {
  reviewEnabled: boolean; financeEnabled: boolean; releaseEnabled: boolean;
  autoApproveTrusted: boolean; autoApproveBelowFen: number; financeAboveFen: number;
}

/** The steps one order goes through, from the tenant's settings and the order's facts. */
export function chainFacts(s: ChainSettings, o: { totalFen: number; trustedCustomer: boolean; memberApproval: boolean }): ChainFacts {
  const autoApproved = (s.autoApproveTrusted && o.trustedCustomer) || (s.autoApproveBelowFen > 0 && o.totalFen < s.autoApproveBelowFen);
  return {
    memberApproval: o.memberApproval,
    review: s.reviewEnabled && !autoApproved,
    finance: s.financeEnabled && (s.financeAboveFen === 0 || o.totalFen >= s.financeAboveFen),
    release: s.releaseEnabled,
  };
}

const inChain = (status: OrderStatus, f: ChainFacts): boolean =>
  status === 'pending_approval' ? f.memberApproval : status === 'pending_review' ? f.review
    : status === 'pending_finance' ? f.finance : status === 'pending_release' ? f.release : status === 'pending_shipment';

/** The first status of a newly submitted order. */
export const initialStatus = (f: ChainFacts): OrderStatus => CHAIN.find((s) => inChain(s, f))!;

/** The status after `current` is approved: the next step of the chain that applies to this order. */
export function nextAfter(current: OrderStatus, f: ChainFacts): OrderStatus {
  const i = CHAIN.indexOf(current);
  return CHAIN.slice(i + 1).find((s) => inChain(s, f))!;
}

export type Decision = { ok: true; to: OrderStatus } | { ok: false; reason: string };

const refuse = (action: OrderAction, from: OrderStatus): Decision => ({ ok: false, reason: `cannot ${action.replace('_', ' ')} an order that is ${from}` });

/** The transition table. `edit` keeps the status (it is allowed, or not). */
export function decide(from: OrderStatus, action: OrderAction, f: ChainFacts): Decision {
  const ok = (to: OrderStatus): Decision => ({ ok: true, to });
  switch (action) {
    case 'member_approve': return from === 'pending_approval' ? ok(nextAfter(from, f)) : refuse(action, from);
    case 'member_reject': return from === 'pending_approval' ? ok('rejected') : refuse(action, from);
    case 'approve': return STAFF_REVIEW.includes(from) ? ok(nextAfter(from, f)) : refuse(action, from);
    case 'reject': return STAFF_REVIEW.includes(from) ? ok('rejected') : refuse(action, from);
    case 'cancel': return BEFORE_RELEASE.includes(from) ? ok('cancelled') : refuse(action, from);
    case 'void': return CHAIN.includes(from) ? ok('voided') : refuse(action, from);
    case 'ship': return from === 'pending_shipment' ? ok('pending_receipt') : refuse(action, from);
    case 'receive':
    case 'auto_confirm': return from === 'pending_receipt' ? ok('completed') : refuse(action, from);
    case 'edit': return BEFORE_RELEASE.includes(from) ? ok(from) : refuse(action, from);
  }
}

/** The staff permission an action needs in a status (null: not a staff action there). */
export function staffPermission(from: OrderStatus, action: OrderAction): string | null {
  switch (action) {
    case 'approve':
    case 'reject':
      return from === 'pending_review' ? 'orders.review' : from === 'pending_finance' ? 'orders.finance' : from === 'pending_release' ? 'orders.release' : null;
    case 'void': return 'orders.void';
    case 'ship':
    case 'receive': return 'orders.ship';
    case 'edit': return 'orders.edit';
    default: return null;
  }
}

/** The statuses whose orders a holder of these permissions can act on (the console's 待处理 tab). */
export function actionableStatuses(permissions: ReadonlySet<string>): OrderStatus[] {
  const out: OrderStatus[] = [];
  if (permissions.has('orders.review')) out.push('pending_review');
  if (permissions.has('orders.finance')) out.push('pending_finance');
  if (permissions.has('orders.release')) out.push('pending_release');
  if (permissions.has('orders.ship')) out.push('pending_shipment');
  return out;
}
