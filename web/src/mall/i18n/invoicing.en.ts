import type { Messages } from '../../shared/i18n/messages';
import type { invoicingZhCN } from './invoicing.zh-CN';

export const invoicingEn: Messages<typeof invoicingZhCN> = {
  title: 'Invoice',
  records: 'My invoices',
  status: { none: 'Not invoiced', requested: 'Not invoiced (requested)', partially_invoiced: 'Partly invoiced', invoiced: 'Invoiced' },
  state: { issued: 'Issued', voided: 'Voided' },
  request: 'Request an invoice',
  changeRequest: 'Change title',
  chooseProfile: 'Choose the invoice title',
  noProfiles: 'No invoice profile yet; add one first',
  addProfile: 'Add invoice profile',
  requested: 'Invoice requested',
  titleLine: 'Title: {{title}} ({{kind}})',
  taxNo: 'Tax no. {{taxNo}}',
  invoiceable: 'Invoiceable',
  invoiced: 'Invoiced',
  remaining: 'To invoice',
  noInvoices: 'No invoice issued yet',
  invoiceNo: 'Invoice no. {{no}}',
  amountTax: 'Total {{amount}} · tax {{tax}} ({{rate}}%)',
  empty: 'No invoices yet',
  orders: 'Orders {{orders}}',
};
