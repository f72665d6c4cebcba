export type CustomerStatus = 'pending' | 'active' | 'disabled' | 'rejected';
export type CustomerAction = 'approve' | 'reject' | 'disable' | 'enable';

/** The customer account life cycle as a table: from status, by action, to status. */
export const CUSTOMER_TRANSITIONS: Record<CustomerStatus, Partial<Record<CustomerAction, CustomerStatus>>> = {
  pending: { approve: 'active', reject: 'rejected' },
  active: { disable: 'disabled' },
  disabled: { enable: 'active' },
  rejected: { approve: 'active' },
};

/** The next status, or null when the action is not allowed from `from`. */
export function nextCustomerStatus(from: CustomerStatus, action: CustomerAction): CustomerStatus | null {
  return CUSTOMER_TRANSITIONS[from][action] ?? null;
}

/** Why a member of a customer in this status may not sign in, or null. */
export function signInBlocker(status: CustomerStatus): 'customer_pending_approval' | 'customer_rejected' | 'customer_disabled' | null {
  if (status === 'pending') return 'customer_pending_approval';
  if (status === 'rejected') return 'customer_rejected';
  if (status === 'disabled') return 'customer_disabled';
  return null;
}
