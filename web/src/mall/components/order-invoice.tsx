import { Button, CheckList, Popup, Tag } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api/client';
import type { InvoiceProfile } from '../../shared/api/types';
import { invoicesApi, type MyInvoice, MY_INVOICES, orderInvoicingKey, type OrderInvoiceStatus } from '../api/invoices';
import { useMember } from '../auth/use-member';
import { useAction } from '../hooks/use-action';
import { formatFen } from '../lib/money';

const STATUS_COLOR: Record<OrderInvoiceStatus, 'default' | 'warning' | 'primary' | 'success'> = { none: 'default', requested: 'warning', partially_invoiced: 'primary', invoiced: 'success' };

/** One invoice: number, date, amount and tax, issued or voided. */
export function InvoiceRow({ i, orderId }: { i: MyInvoice; orderId?: string }) {
  const { t } = useTranslation();
  const own = orderId ? i.lines.filter((l) => l.orderId === orderId).reduce((s, l) => s + l.amountFen, 0) : i.amountFen;
  return (
    <div className="dh-pay-row" data-testid="invoice-row" data-no={i.invoiceNo} data-status={i.status}>
      <div className="dh-pay-row-head">
        <span data-testid="invoice-no">{t('invoicing.invoiceNo', { no: i.invoiceNo })}</span>
        <span style={{ flex: 1 }} />
        <b data-testid="invoice-amount">{formatFen(own)}</b>
        <Tag color={i.status === 'issued' ? 'success' : 'default'} fill="outline" data-testid="invoice-state">{t(`invoicing.state.${i.status}`)}</Tag>
      </div>
      <div className="dh-muted">{i.issueDate} · {t(`common:invoiceKind.${i.kind}`)} · {i.buyer.title}</div>
      <div className="dh-muted" data-testid="invoice-tax">{t('invoicing.amountTax', { amount: formatFen(i.amountFen), tax: formatFen(i.taxFen), rate: i.taxRate })}</div>
    </div>
  );
}

/** Picks one of the company's invoice profiles for the request, in a sheet from the bottom. */
function ProfileSheet({ visible, busy, onPick, onClose }: { visible: boolean; busy: boolean; onPick: (id: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profiles = useQuery({ queryKey: ['/mall/invoice-profiles'], queryFn: () => api.get<{ items: InvoiceProfile[] }>('/mall/invoice-profiles'), enabled: visible });
  const items = profiles.data?.items ?? [];
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '75vh', overflowY: 'auto' }}>
      <div className="dh-sheet" data-testid="invoice-profile-sheet">
        <div className="dh-sheet-title">{t('invoicing.chooseProfile')}</div>
        {profiles.isSuccess && !items.length && <div className="dh-muted" style={{ padding: 12 }}>{t('invoicing.noProfiles')}</div>}
        <CheckList value={[]} onChange={(v) => { if (v[0] && !busy) onPick(String(v[0])); }}>
          {items.map((p) => (
            <CheckList.Item key={p.id} value={p.id} data-testid="invoice-profile-option" description={`${t(`common:invoiceKind.${p.kind}`)} · ${p.taxNo}`}>{p.title}</CheckList.Item>
          ))}
        </CheckList>
        <div className="dh-footer-actions">
          <Button block color="primary" fill="outline" onClick={() => navigate('/me/invoices/new')}>{t('invoicing.addProfile')}</Button>
        </div>
      </div>
    </Popup>
  );
}

/** 发票 on the order page: 开票状态, the request (申请开票 when there is none), and the invoices issued for the order. */
export function OrderInvoice({ orderId, closed }: { orderId: string; closed: boolean }) {
  const { t } = useTranslation();
  const me = useMember();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: orderInvoicingKey(orderId), queryFn: () => invoicesApi.forOrder(orderId), staleTime: 0, refetchOnWindowFocus: true });
  const [picking, setPicking] = useState(false);
  const request = useAction(invoicesApi.request, {
    success: t('invoicing.requested'),
    onSuccess: (r) => {
      qc.setQueryData(orderInvoicingKey(orderId), r);
      void qc.invalidateQueries({ queryKey: [MY_INVOICES] });
      setPicking(false);
    },
  });
  const d = q.data;
  if (!d) return null;
  const canAsk = !closed && me.canEdit && d.invoicedFen === 0 && d.remainingFen > 0;
  return (
    <div className="dh-section dh-pay-block" data-testid="order-invoice">
      <div className="dh-pay-block-head">
        <span className="dh-block-title" style={{ padding: 0 }}>{t('invoicing.title')}</span>
        <Tag color={STATUS_COLOR[d.invoiceStatus]} fill="outline" data-testid="order-invoice-status">{t(`invoicing.status.${d.invoiceStatus}`)}</Tag>
      </div>
      {d.request && (
        <div data-testid="order-invoice-request">
          <div className="dh-ellipsis">{t('invoicing.titleLine', { title: d.request.title, kind: t(`common:invoiceKind.${d.request.kind}`) })}</div>
          <div className="dh-muted">{t('invoicing.taxNo', { taxNo: d.request.taxNo })}</div>
        </div>
      )}
      {d.invoicedFen > 0 && (
        <div className="dh-pay-sums">
          <div><span className="dh-muted">{t('invoicing.invoiceable')}</span><b>{formatFen(d.invoiceableFen)}</b></div>
          <div><span className="dh-muted">{t('invoicing.invoiced')}</span><b data-testid="order-invoiced">{formatFen(d.invoicedFen)}</b></div>
          {d.remainingFen > 0 && <div><span className="dh-muted">{t('invoicing.remaining')}</span><b>{formatFen(d.remainingFen)}</b></div>}
        </div>
      )}
      {d.invoices.map((i) => <InvoiceRow key={i.id} i={i} orderId={orderId} />)}
      {canAsk && (
        <Button block size="small" color="primary" fill="outline" style={{ marginTop: 8 }} data-testid="order-invoice-request-button" onClick={() => setPicking(true)}>
          {d.request ? t('invoicing.changeRequest') : t('invoicing.request')}
        </Button>
      )}
      <ProfileSheet visible={picking} busy={request.isPending} onPick={(profileId) => request.mutate({ orderId, profileId })} onClose={() => setPicking(false)} />
    </div>
  );
}
