import type { Messages } from '../../shared/i18n/messages';
import type { invoicesZhCN } from './invoices.zh-CN';

export const invoicesEn: Messages<typeof invoicesZhCN> = {
  title: 'Invoices',
  tabs: { queue: 'To invoice', list: 'Invoices' },
  status: { none: 'Not invoiced', requested: 'Not invoiced (requested)', partially_invoiced: 'Partly invoiced', invoiced: 'Invoiced' },
  state: { issued: 'Issued', voided: 'Voided' },
  source: { checkout: 'At checkout', mall: 'By the customer', staff: 'By staff' },
  issue: 'Issue invoice',
  issueTitle: 'Issue an invoice',
  issued: 'Invoice issued',
  export: 'Export Excel (tax software import)',
  empty: 'No invoices',
  queueEmpty: 'No orders awaiting an invoice',
  col: {
    invoiceNo: 'Invoice no.', invoiceCode: 'Invoice code', kind: 'Type', issueDate: 'Issue date', customer: 'Customer', buyer: 'Buyer',
    amount: 'Amount incl. tax', tax: 'Tax', taxRate: 'Rate', status: 'Status', orders: 'Orders', orderNo: 'Order no.', submittedAt: 'Ordered',
    total: 'Order total', invoiceable: 'Invoiceable', invoiced: 'Invoiced', remaining: 'To invoice', request: 'Request', thisTime: 'Amount now', issuedBy: 'Issued by',
  },
  filter: { customer: 'Customer', status: 'Status', kind: 'Type', number: 'Invoice no. or customer', from: 'Issued from', to: 'Issued to' },
  form: {
    customer: 'Customer', orders: 'Orders', ordersHint: 'Tick orders; each amount defaults to what is left to invoice and may be lowered', noOrders: 'This customer has no orders to invoice',
    pickCustomer: 'Choose a customer first', pickOrders: 'Tick at least one order', kind: 'Invoice type', buyerFrom: 'Buyer details from',
    fromRequest: "The order's request", fromProfile: 'Invoice profile: {{title}}', taxRate: 'Tax rate', invoiceNo: 'Invoice number', invoiceNoHint: 'The number the tax software gave it (8–20 digits)',
    invoiceCode: 'Invoice code (optional)', issueDate: 'Issue date', remark: 'Remark', total: 'Total {{amount}}, tax {{tax}}, net {{net}}',
    amountTooHigh: 'More than the {{max}} left to invoice', remainingNow: 'Order {{orderNo}} has only {{remaining}} left now; reloaded',
  },
  void: 'Void', voidTitle: 'Void invoice {{no}}', voidReason: 'Reason', voided: 'Invoice voided', voidedBecause: 'Voided: {{reason}}',
  card: {
    title: 'Invoices', request: 'Invoice request', noRequest: 'No invoice requested', setRequest: 'Set request', clearRequest: 'Clear request', cleared: 'Request cleared',
    requestSet: 'Request set', pickProfile: "Choose one of the customer's invoice profiles", noProfiles: 'The customer has no invoice profile yet; add one on the customer page',
    amounts: 'Order {{total}} · invoiceable {{invoiceable}} · invoiced {{invoiced}} · to invoice {{remaining}}', issueHere: 'Invoice this order',
  },
};
