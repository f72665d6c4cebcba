import { describe, expect, it } from 'vitest';
import { nextCustomerStatus, signInBlocker, type CustomerAction, type CustomerStatus } from './customer-status.js';

const statuses: CustomerStatus[] = ['pending', 'active', 'disabled', 'rejected'];
const actions: CustomerAction[] = ['approve', 'reject', 'disable', 'enable'];
const allowed: Record<string, CustomerStatus> = {
  'pending approve': 'active',
  'pending reject': 'rejected',
  'active disable': 'disabled',
  'disabled enable': 'active',
  'rejected approve': 'active',
};

describe('customer status', () => {
  for (const from of statuses) {
    for (const action of actions) {
      const expected = allowed[`${from} ${action}`] ?? null;
      it(`${from} --${action}--> ${expected ?? 'refused'}`, () => {
        expect(nextCustomerStatus(from, action)).toBe(expected);
      });
    }
  }

  it('lets only active customers sign in', () => {
    expect(statuses.filter((s) => signInBlocker(s) === null)).toEqual(['active']);
  });
});
