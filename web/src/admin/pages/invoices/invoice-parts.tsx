import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvoiceKind, InvoiceState, OrderInvoiceStatus } from '../../api/invoices';

const STATE_COLOR: Record<InvoiceState, string> = { issued: 'success', voided: 'default' };
const STATUS_COLOR: Record<OrderInvoiceStatus, string> = { none: 'default', requested: 'warning', partially_invoiced: 'processing', invoiced: 'success' };

export function InvoiceStateTag({ status }: { status: InvoiceState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[status]} data-testid="invoice-state">{t(`invoicing.state.${status}`)}</Tag>;
}

/** 未开票 · 部分开票 · 已开票 of an order. */
export function OrderInvoiceStatusTag({ status }: { status: OrderInvoiceStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} data-testid="order-invoice-status">{t(`invoicing.status.${status}`)}</Tag>;
}

export function InvoiceKindName({ kind }: { kind: InvoiceKind }) {
  const { t } = useTranslation();
  return <>{t(`common:invoiceKind.${kind}`)}</>;
}
