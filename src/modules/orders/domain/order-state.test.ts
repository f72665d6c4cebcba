import { describe, expect, it } from 'vitest';
import { actionableStatuses, chainFacts, decide, initialStatus, nextAfter, ORDER_ACTIONS, ORDER_STATUSES, staffPermission, type ChainFacts, type OrderAction, type OrderStatus } from './order-state.js';

const FULL: ChainFacts = { memberApproval: true, review: true, finance: true, release: true };

/**
 * Every status × every action with every step on: the target status, or '—' for refused. Written out by hand
 * (not derived from the code under test) so a change to the table shows up here as a deliberate edit.
 */
const EXPECTED: Record<OrderStatus, Record<OrderAction, OrderStatus | '—'>> = {
  pending_approval: { member_approve: 'pending_review', member_reject: 'rejected', approve: '—', reject: '—', cancel: 'cancelled', void: 'voided', ship: '—', receive: '—', auto_confirm: '—', edit: 'pending_approval' },
  pending_review: { member_approve: '—', member_reject: '—', approve: 'pending_finance', reject: 'rejected', cancel: 'cancelled', void: 'voided', ship: '—', receive: '—', auto_confirm: '—', edit: 'pending_review' },
  pending_finance: { member_approve: '—', member_reject: '—', approve: 'pending_release', reject: 'rejected', cancel: 'cancelled', void: 'voided', ship: '—', receive: '—', auto_confirm: '—', edit: 'pending_finance' },
  pending_release: { member_approve: '—', member_reject: '—', approve: 'pending_shipment', reject: 'rejected', cancel: 'cancelled', void: 'voided', ship: '—', receive: '—', auto_confirm: '—', edit: 'pending_release' },
  pending_shipment: { member_approve: '—', member_reject: '—', approve: '—', reject: '—', cancel: '—', void: 'voided', ship: 'pending_receipt', receive: '—', auto_confirm: '—', edit: '—' },
  pending_receipt: { member_approve: '—', member_reject: '—', approve: '—', reject: '—', cancel: '—', void: '—', ship: '—', receive: 'completed', auto_confirm: 'completed', edit: '—' },
  completed: { member_approve: '—', member_reject: '—', approve: '—', reject: '—', cancel: '—', void: '—', ship: '—', receive: '—', auto_confirm: '—', edit: '—' },
  rejected: { member_approve: '—', member_reject: '—', approve: '—', reject: '—', cancel: '—', void: '—', ship: '—', receive: '—', auto_confirm: '—', edit: '—' },
  cancelled: { member_approve: '—', member_reject: '—', approve: '—', reject: '—', cancel: '—', void: '—', ship: '—', receive: '—', auto_confirm: '—', edit: '—' },
  voided: { member_approve: '—', member_reject: '—', approve: '—', reject: '—', cancel: '—', void: '—', ship: '—', receive: '—', auto_confirm: '—', edit: '—' },
};

describe('order state', () => {
  for (const from of ORDER_STATUSES) {
    for (const action of ORDER_ACTIONS) {
      const want = EXPECTED[from][action];
      it(`${from} × ${action} → ${want === '—' ? 'refused' : want}`, () => {
        const d = decide(from, action, FULL);
        if (want === '—') {
          expect(d.ok).toBe(false);
          if (!d.ok) expect(d.reason).toContain(from);
        } else expect(d).toEqual({ ok: true, to: want });
      });
    }
  }

  it('skips every step that is switched off', () => {
    const none: ChainFacts = { memberApproval: false, review: false, finance: false, release: false };
    expect(initialStatus(none)).toBe('pending_shipment');
    expect(initialStatus({ ...none, finance: true })).toBe('pending_finance');
    expect(nextAfter('pending_review', { ...none, review: true, release: true })).toBe('pending_release');
    expect(nextAfter('pending_approval', { ...none, memberApproval: true })).toBe('pending_shipment');
    expect(decide('pending_review', 'approve', { ...none, review: true })).toEqual({ ok: true, to: 'pending_shipment' });
  });

  it('auto-approves trusted customers and small orders, and sends only large orders to finance', () => {
    const s = { reviewEnabled: true, financeEnabled: true, releaseEnabled: false, autoApproveTrusted: true, autoApproveBelowFen: 10_000, financeAboveFen: 500_000 };
    expect(initialStatus(chainFacts(s, { totalFen: 50_000, trustedCustomer: true, memberApproval: false }))).toBe('pending_shipment');
    expect(initialStatus(chainFacts(s, { totalFen: 9_999, trustedCustomer: false, memberApproval: false }))).toBe('pending_shipment');
    expect(initialStatus(chainFacts(s, { totalFen: 10_000, trustedCustomer: false, memberApproval: false }))).toBe('pending_review');
    expect(initialStatus(chainFacts(s, { totalFen: 600_000, trustedCustomer: true, memberApproval: false }))).toBe('pending_finance');
    expect(initialStatus(chainFacts(s, { totalFen: 600_000, trustedCustomer: true, memberApproval: true }))).toBe('pending_approval');
    expect(initialStatus(chainFacts({ ...s, autoApproveTrusted: false, autoApproveBelowFen: 0 }, { totalFen: 1, trustedCustomer: true, memberApproval: false }))).toBe('pending_review');
  });

  it('binds each staff step to its permission', () => {
    expect(staffPermission('pending_review', 'approve')).toBe('orders.review');
    expect(staffPermission('pending_finance', 'reject')).toBe('orders.finance');
    expect(staffPermission('pending_release', 'approve')).toBe('orders.release');
    expect(staffPermission('pending_shipment', 'approve')).toBeNull();
    expect(staffPermission('pending_shipment', 'ship')).toBe('orders.ship');
    expect(staffPermission('pending_review', 'void')).toBe('orders.void');
    expect(staffPermission('pending_review', 'edit')).toBe('orders.edit');
    expect(actionableStatuses(new Set(['orders.finance', 'orders.ship']))).toEqual(['pending_finance', 'pending_shipment']);
  });
});
