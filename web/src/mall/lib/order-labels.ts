import type { TFunction } from 'i18next';
import type { OrderStatus } from '../api/orders';

/** The GLOSSARY label of an order status; 待内部审批 is the mall's own (the customer's approver). */
export function orderStatusLabel(t: TFunction, status: OrderStatus | string | null | undefined): string {
  if (!status) return '';
  if (status === 'pending_approval') return t('orders.pendingApproval');
  return t(`common:orderStatus.${status}`, { defaultValue: status });
}

type TagColor = 'default' | 'primary' | 'success' | 'warning' | 'danger';

/** Waiting on someone: orange; under way: blue; done: green; closed: grey or red. */
export function orderStatusColor(status: OrderStatus): TagColor {
  if (status === 'completed') return 'success';
  if (status === 'rejected') return 'danger';
  if (status === 'cancelled' || status === 'voided') return 'default';
  if (status === 'pending_shipment' || status === 'pending_receipt') return 'primary';
  return 'warning';
}
