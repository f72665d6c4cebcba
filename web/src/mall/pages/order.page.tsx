import { Button, Dialog, ErrorBlock, List, Tag, Toast } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { formatDateTime } from '../../shared/lib/format';
import { showCart } from '../api/cart';
import { orderPaymentsKey, orderRefundsKey } from '../api/finance';
import { type OrderDetail, orderExportUrl, ORDERS, ordersApi, type OrderStatus } from '../api/orders';
import { AddressCard } from '../components/address-card';
import { LineThumb } from '../components/line-thumb';
import { OrderPayments } from '../components/order-payments';
import { OrderInvoice } from '../components/order-invoice';
import { OrderShipments } from '../components/order-shipments';
import { OrderTimeline } from '../components/order-timeline';
import { PageLoading } from '../components/page-loading';
import { PromptDialog } from '../components/prompt-dialog';
import { TotalsBlock } from '../components/totals-block';
import { useAction } from '../hooks/use-action';
import { SubPage } from '../layout/sub-page';
import { formatFen } from '../lib/money';
import { orderStatusLabel } from '../lib/order-labels';

type Asking = 'cancel' | 'reject' | null;

/** Nothing is due on an order that will not be delivered. */
const CLOSED: OrderStatus[] = ['rejected', 'cancelled', 'voided'];

/** 订单详情: status, address, lines, totals, details, the timeline, and what the member may do now. */
export default function OrderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const order = useQuery({ queryKey: [ORDERS, id], queryFn: () => ordersApi.get(id!), enabled: Boolean(id), staleTime: 0, refetchOnWindowFocus: true });
  const [asking, setAsking] = useState<Asking>(null);

  const show = (o: OrderDetail) => {
    qc.setQueryData([ORDERS, o.id], o);
    void qc.invalidateQueries({ queryKey: [ORDERS, 'list'] });
    // Cancelling a paid order asks for a refund: the 付款 block reads its payments and refunds again.
    void qc.invalidateQueries({ queryKey: orderPaymentsKey(o.id) });
    void qc.invalidateQueries({ queryKey: orderRefundsKey(o.id) });
    setAsking(null);
  };
  const reread = { onError: () => void order.refetch() };
  const cancel = useAction(ordersApi.cancel, { success: t('orders.cancelled'), onSuccess: show });
  const receive = useAction(ordersApi.receive, { success: t('orders.received'), onSuccess: show });
  const approve = useAction(ordersApi.approve, { success: t('orders.approved'), onSuccess: show });
  const reject = useAction(ordersApi.reject, { success: t('orders.rejected'), onSuccess: show });
  const reorder = useAction(ordersApi.reorder, {
    success: false,
    onSuccess: (res) => {
      showCart(qc, res.cart);
      const failed = res.report.filter((r) => !r.ok).length;
      Toast.show({ content: failed ? t('orders.reorderPartly', { failed }) : t('orders.reordered') });
      navigate('/cart');
    },
  });

  const o = order.data;
  if (order.isLoading) return <SubPage title={t('orders.detail')} back="/orders"><PageLoading /></SubPage>;
  if (!o) {
    return (
      <SubPage title={t('orders.detail')} back="/orders">
        <ErrorBlock data-testid="order-error" status="empty" title={errorMessage(order.error, t)} description="" />
      </SubPage>
    );
  }

  const can = (a: OrderDetail['allowedActions'][number]) => o.allowedActions.includes(a);
  const v = { id: o.id, version: o.version };
  const confirm = async (content: string, run: () => void) => { if (await Dialog.confirm({ content })) run(); };
  const paymentMethod = t(`common:paymentMethod.${o.paymentMethod}`, { defaultValue: t(`payment.${o.paymentMethod}`, { defaultValue: o.paymentMethod }) });
  const closedReason = o.rejectReason ?? o.cancelReason;

  return (
    <SubPage title={t('orders.detail')} back="/orders">
      <div className={`dh-order-head dh-order-head-${o.status}`} data-testid="order-head">
        <div className="dh-order-head-status" data-testid="order-status-text">{orderStatusLabel(t, o.status)}</div>
        <div className="dh-order-head-tags">
          {!['rejected', 'cancelled', 'voided'].includes(o.status) && <Tag color="default" fill="outline" data-testid="fulfilment-status">{t(`common:fulfilmentStatus.${o.fulfilmentStatus}`, { defaultValue: o.fulfilmentStatus })}</Tag>}
          <Tag color="default" fill="outline" data-testid="payment-status">{t(`common:paymentStatus.${o.paymentStatus}`, { defaultValue: o.paymentStatus })}</Tag>
        </div>
        {o.status === 'pending_approval' && <div className="dh-order-head-note">{t('orders.waitingApprover')}</div>}
        {closedReason && <div className="dh-order-head-note" data-testid="order-closed-reason">{t('orders.reason')}：{closedReason}</div>}
      </div>

      <div className="dh-section">
        <AddressCard address={o.address} testId="order-address" />
      </div>

      {['pending_shipment', 'pending_receipt', 'completed'].includes(o.status) && <OrderShipments orderId={o.id} />}

      <div className="dh-section" data-testid="order-lines">
        <div className="dh-block-title">{t('orders.lines', { count: o.lines.length })}</div>
        {o.lines.map((l) => (
          <div key={l.id} className="dh-mini-line" data-testid="order-line" data-sku-code={l.skuCode}>
            <LineThumb url={l.imageUrl} size={56} alt={l.productName} onClick={() => navigate(`/products/${l.productId}`)} />
            <div className="dh-cart-line-main">
              <div className="dh-product-name">{l.productName}</div>
              <div className="dh-muted dh-ellipsis">{[l.specText, l.skuCode].filter(Boolean).join(' · ')}</div>
              <div className="dh-muted"><span data-testid="order-line-price">{formatFen(l.unitPriceFen)}</span> × <span data-testid="order-line-qty">{l.qty}</span>{l.unitName}</div>
            </div>
            <span data-testid="order-line-amount">{formatFen(l.amountFen)}</span>
          </div>
        ))}
      </div>

      <div className="dh-section">
        <TotalsBlock
          totals={o.totals}
          extra={[
            ...(o.paidFen > 0 ? [{ label: t('orders.paid'), fen: o.paidFen, testId: 'order-paid' }] : []),
            ...(CLOSED.includes(o.status) ? [] : [{ label: t('orders.amountDue'), fen: o.amountDueFen, testId: 'order-due' }]),
          ]}
        />
      </div>

      <OrderPayments orderId={o.id} closed={CLOSED.includes(o.status)} />

      <OrderInvoice orderId={o.id} closed={CLOSED.includes(o.status)} />

      <div className="dh-section">
        <List>
          <List.Item extra={<span data-testid="order-no">{o.orderNo}</span>}>{t('orders.orderNo')}</List.Item>
          <List.Item extra={formatDateTime(o.submittedAt)}>{t('orders.submittedAt')}</List.Item>
          {o.placedByName && <List.Item extra={o.placedByName}>{t('orders.placedBy')}</List.Item>}
          <List.Item extra={paymentMethod}>{t('checkout.paymentMethod')}</List.Item>
          <List.Item extra={o.requestedDate ?? t('checkout.noDate')}>{t('checkout.requestedDate')}</List.Item>
          {o.remark && <List.Item description={<span data-testid="order-remark">{o.remark}</span>}>{t('checkout.remark')}</List.Item>}
          {o.trackingNo && <List.Item extra={`${o.carrier ?? ''} ${o.trackingNo}`}>{t('orders.tracking')}</List.Item>}
        </List>
      </div>

      <div className="dh-section">
        <div className="dh-block-title">{t('orders.timeline')}</div>
        <OrderTimeline events={o.events} />
      </div>

      <div className="dh-action-bar dh-order-actions" data-testid="order-actions">
        <a className="dh-link dh-link-small" href={orderExportUrl(o.id)} download data-testid="order-export">{t('orders.export')}</a>
        <span style={{ flex: 1 }} />
        {can('cancel') && <Button size="small" data-testid="order-cancel" onClick={() => setAsking('cancel')}>{t('orders.cancel')}</Button>}
        {can('reject') && <Button size="small" color="danger" fill="outline" data-testid="order-reject" onClick={() => setAsking('reject')}>{t('orders.reject')}</Button>}
        {can('approve') && <Button size="small" color="primary" data-testid="order-approve" loading={approve.isPending} onClick={() => void confirm(t('orders.approveConfirm'), () => approve.mutate(v, reread))}>{t('orders.approve')}</Button>}
        {can('receive') && <Button size="small" color="primary" data-testid="order-receive" loading={receive.isPending} onClick={() => void confirm(t('orders.receiveConfirm'), () => receive.mutate(v, reread))}>{t('orders.receive')}</Button>}
        {can('reorder') && <Button size="small" color="primary" fill="outline" data-testid="order-reorder" loading={reorder.isPending} onClick={() => reorder.mutate(o.id)}>{t('orders.reorder')}</Button>}
      </div>

      <PromptDialog
        visible={asking === 'cancel'}
        title={t('orders.cancelTitle')}
        placeholder={t('orders.reasonOptional')}
        multiline
        confirmText={t('orders.cancel')}
        closeText={t('orders.keepOrder')}
        busy={cancel.isPending}
        testId="cancel-reason"
        onConfirm={(reason) => cancel.mutate({ ...v, reason: reason || undefined }, reread)}
        onClose={() => setAsking(null)}
      />
      <PromptDialog
        visible={asking === 'reject'}
        title={t('orders.rejectTitle')}
        placeholder={t('orders.reasonRequired')}
        required
        multiline
        confirmText={t('orders.reject')}
        busy={reject.isPending}
        testId="reject-reason"
        onConfirm={(reason) => reject.mutate({ ...v, reason }, reread)}
        onClose={() => setAsking(null)}
      />
    </SubPage>
  );
}
