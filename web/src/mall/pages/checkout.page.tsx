import { Button, DatePicker, Dialog, Empty, ErrorBlock, List, NoticeBar, Picker, Selector, Toast } from 'antd-mobile';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../shared/api/api-error';
import { errorMessage } from '../../shared/api/error-message';
import type { Address, InvoiceProfile } from '../../shared/api/types';
import { useCursorList } from '../../shared/hooks/use-cursor-list';
import { CART_KEY } from '../api/cart';
import { CHECKOUT, checkoutApi, invalidLines, type PricesChanged, shortLines } from '../api/checkout';
import { newIdempotencyKey } from '../../shared/api/client';
import { ApiError } from '../../shared/api/api-error';
import { ORDERS } from '../api/orders';
import { AddressCard } from '../components/address-card';
import { AddressSheet } from '../components/address-sheet';
import { LineThumb } from '../components/line-thumb';
import { PageLoading } from '../components/page-loading';
import { TextAreaInput } from '../components/text-input';
import { TotalsBlock } from '../components/totals-block';
import { SubPage } from '../layout/sub-page';
import { isoDate } from '../lib/dates';
import { mallErrorMessage } from '../lib/error-text';
import { formatFen } from '../lib/money';
import { problemText } from '../lib/problem-text';
import { ADDRESSES } from './addresses.page';
import { INVOICE_PROFILES } from './invoice-profiles.page';

const PREVIEW_LINES = 3;

/**
 * 确认订单: address, requested date, remark, invoice and payment method, then one submission.
 * The Idempotency-Key is made once per visit and kept for retries and double taps, so a lost answer
 * never makes a second order; it is renewed only after the server has refused (nothing was created).
 */
export default function CheckoutPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const addresses = useCursorList<Address>(ADDRESSES);
  const invoices = useCursorList<InvoiceProfile>(INVOICE_PROFILES);
  const [chosenAddress, setChosenAddress] = useState<string>();
  const addressId = chosenAddress ?? (addresses.items.find((a) => a.isDefault) ?? addresses.items[0])?.id;
  const address = addresses.items.find((a) => a.id === addressId);
  const info = useQuery({
    queryKey: [CHECKOUT, addressId ?? ''],
    queryFn: () => checkoutApi.info(addressId),
    enabled: !addresses.isLoading,
    staleTime: 0,
  });
  const [sheetOpen, setSheetOpen] = useState(false);
  const [datePickerOpen, setDatePickerOpen] = useState(false);
  const [invoicePickerOpen, setInvoicePickerOpen] = useState(false);
  const [requestedDate, setRequestedDate] = useState<string>();
  const [remark, setRemark] = useState('');
  const [invoiceId, setInvoiceId] = useState<string>();
  const [method, setMethod] = useState<string>();
  const [key, setKey] = useState(newIdempotencyKey);

  const cart = info.data?.cart;
  const methods = info.data?.paymentMethods ?? [];
  const paymentMethod = method ?? methods[0]?.code;
  const invoice = invoices.items.find((p) => p.id === invoiceId);

  const submit = useMutation({
    mutationFn: (expectedTotalFen: number) => checkoutApi.submit({
      addressId: addressId!,
      paymentMethod: paymentMethod!,
      expectedTotalFen,
      ...(requestedDate ? { requestedDate } : {}),
      ...(remark.trim() ? { remark: remark.trim() } : {}),
      ...(invoiceId ? { invoiceProfileId: invoiceId } : {}),
    }, key),
    onSuccess: (order) => {
      qc.setQueryData([ORDERS, order.id], order);
      void qc.invalidateQueries({ queryKey: CART_KEY });
      void qc.invalidateQueries({ queryKey: [ORDERS, 'list'] });
      Toast.show({ icon: 'success', content: t('checkout.submitted') });
      navigate(`/orders/${order.id}`, { replace: true });
    },
    onError: (err) => void explain(err),
  });

  /** What went wrong, and the way on from there. */
  const explain = async (err: unknown) => {
    const reused = isApiError(err) && (err.code === 'idempotency_mismatch' || err.code === 'idempotency_key_reused');
    const refused = isApiError(err) && err.status >= 400 && err.status < 500 && !reused;
    if (refused) setKey(newIdempotencyKey());
    if (!isApiError(err)) return Toast.show({ icon: 'fail', content: mallErrorMessage(err, t) });
    if (err.code === 'cart_prices_changed' && err instanceof ApiError) {
      void info.refetch();
      const details = err.problem as unknown as PricesChanged | undefined;
      const again = await Dialog.confirm({
        title: t('checkout.pricesChanged'),
        content: (
          <div data-testid="prices-changed">
            {(details?.changes ?? []).map((c) => (
              <div key={c.lineId} className="dh-change-row">
                <span>{c.productName}（{c.unitName}）</span>
                <span>{formatFen(c.oldPriceFen)} → <b>{formatFen(c.newPriceFen)}</b></span>
              </div>
            ))}
            {details && <div className="dh-change-total">{t('checkout.newTotal', { total: formatFen(details.totalFen) })}</div>}
          </div>
        ),
        confirmText: <span data-testid="confirm-new-prices">{t('checkout.confirmNewPrice')}</span>,
      });
      if (again && details) submit.mutate(details.totalFen);
      return;
    }
    if (err.code === 'cart_invalid' || err.code === 'cart_empty') {
      void info.refetch();
      void qc.invalidateQueries({ queryKey: CART_KEY });
      const problems = invalidLines(err);
      const back = await Dialog.confirm({
        title: err.code === 'cart_empty' ? t('checkout.cartEmpty') : t('checkout.cartInvalid'),
        content: problems.length > 0 && (
          <div data-testid="cart-invalid">
            {problems.map((p) => {
              const line = cart?.lines.find((l) => l.id === p.lineId);
              return (
                <div key={`${p.lineId}-${p.code ?? p.message}`} className="dh-change-row">
                  <span>{line ? `${line.productName}（${line.unitName}）` : p.skuCode ?? p.lineId}</span>
                  <span className="dh-problem-blocking">
                    {problemText(t, p, { minQty: line?.minQty, multiple: line?.multiple, unitName: line?.unitName ?? p.unitName, baseUnit: line?.baseUnit })}
                  </span>
                </div>
              );
            })}
          </div>
        ),
        confirmText: t('checkout.backToCart'),
      });
      if (back) navigate('/cart');
      return;
    }
    if (err.code === 'out_of_stock') {
      // Stock ran short between the cart and the submission: nothing was ordered; the cart shows the lines to fix.
      void info.refetch();
      void qc.invalidateQueries({ queryKey: CART_KEY });
      const short = shortLines(err);
      await Dialog.alert({
        title: t('checkout.outOfStock'),
        content: (
          <div data-testid="out-of-stock">
            {short.map((s) => {
              const line = cart?.lines.find((l) => l.skuId === s.skuId);
              return (
                <div key={s.skuId} className="dh-change-row" data-testid="out-of-stock-line">
                  {line && <span className="dh-muted">{line.productName}</span>}
                  <span className="dh-problem-blocking">
                    {t('checkout.outOfStockLine', { code: s.skuCode, wanted: s.wanted, available: s.available, unit: line?.baseUnit ?? '' })}
                  </span>
                </div>
              );
            })}
            <div className="dh-muted" style={{ marginTop: 6 }}>{t('checkout.outOfStockHint')}</div>
          </div>
        ),
        confirmText: <span data-testid="out-of-stock-to-cart">{t('checkout.backToCart')}</span>,
      });
      navigate('/cart');
      return;
    }
    if (reused) {
      const look = await Dialog.confirm({ content: t('checkout.maybeSubmitted'), confirmText: t('orders.title') });
      if (look) navigate('/orders');
      return;
    }
    Toast.show({ icon: 'fail', content: mallErrorMessage(err, t) });
  };

  const ready = Boolean(cart && cart.lines.length > 0 && !cart.blocking && addressId && paymentMethod);
  const today = new Date();
  const lines = cart?.lines ?? [];

  let body;
  if (info.isLoading || addresses.isLoading) body = <PageLoading />;
  else if (info.error) body = <ErrorBlock status="default" title={errorMessage(info.error, t)} description="" />;
  else if (lines.length === 0) {
    body = (
      <div data-testid="checkout-empty" style={{ padding: '48px 0', textAlign: 'center' }}>
        <Empty description={t('checkout.cartEmpty')} />
        <Button color="primary" fill="outline" onClick={() => navigate('/cart')}>{t('checkout.backToCart')}</Button>
      </div>
    );
  } else {
    body = (
      <>
        <div className="dh-section" data-testid="checkout-address">
          <div className="dh-block-title">{t('checkout.address')}</div>
          <AddressCard address={address} onClick={() => (addresses.items.length > 0 ? setSheetOpen(true) : navigate('/me/addresses/new?next=/checkout'))} />
        </div>
        {info.data?.needsApproval && <NoticeBar data-testid="needs-approval" color="info" wrap content={t('checkout.needsApproval')} />}
        {cart?.blocking && <NoticeBar color="alert" wrap content={t('cart.blockingHint')} extra={<a className="dh-link dh-link-small" onClick={() => navigate('/cart')}>{t('checkout.backToCart')}</a>} />}
        <div className="dh-section" data-testid="checkout-lines">
          <div className="dh-block-title">{t('checkout.goods')}</div>
          {lines.slice(0, PREVIEW_LINES).map((l) => (
            <div key={l.id} className="dh-mini-line">
              <LineThumb url={l.imageUrl} size={48} alt={l.productName} />
              <div className="dh-cart-line-main">
                <div className="dh-ellipsis">{l.productName}</div>
                <div className="dh-muted">{formatFen(l.unitPriceFen)} × {l.qty}{l.unitName}</div>
              </div>
              <span>{formatFen(l.amountFen)}</span>
            </div>
          ))}
          <div className="dh-pad dh-muted dh-clickable" onClick={() => navigate('/cart')}>
            {t('checkout.lineSummary', { count: lines.length, quantity: cart?.totals.quantity ?? 0 })} ›
          </div>
        </div>
        <div className="dh-section">
          <List>
            <List.Item
              data-testid="checkout-date"
              extra={requestedDate
                ? <span>{requestedDate} <a className="dh-link dh-link-small" data-testid="checkout-date-clear" onClick={(e) => { e.stopPropagation(); setRequestedDate(undefined); }}>{t('checkout.clearDate')}</a></span>
                : t('checkout.noDate')}
              onClick={() => setDatePickerOpen(true)}
            >{t('checkout.requestedDate')}</List.Item>
            <List.Item data-testid="checkout-invoice" extra={invoice ? `${invoice.title}（${t(`common:invoiceKind.${invoice.kind}`)}）` : t('checkout.noInvoice')} onClick={() => setInvoicePickerOpen(true)}>{t('checkout.invoice')}</List.Item>
          </List>
          <div className="dh-pad">
            <div className="dh-picker-label">{t('checkout.paymentMethod')}</div>
            <Selector
              showCheckMark={false}
              value={paymentMethod ? [paymentMethod] : []}
              onChange={(v) => v[0] && setMethod(v[0])}
              options={methods.map((m) => ({ value: m.code, label: <span data-testid={`payment-${m.code}`}>{m.name}</span> }))}
            />
            <div className="dh-picker-label" style={{ marginTop: 12 }}>{t('checkout.remark')}</div>
            <div className="dh-textarea-box">
              <TextAreaInput testId="checkout-remark" value={remark} onChange={setRemark} placeholder={t('checkout.remarkPlaceholder')} maxLength={500} />
            </div>
          </div>
        </div>
        {cart && <div className="dh-section"><TotalsBlock totals={cart.totals} /></div>}
      </>
    );
  }

  return (
    <SubPage title={t('checkout.title')} back="/cart">
      {body}
      <div className="dh-action-bar" data-testid="checkout-bar">
        <div className="dh-submit-bar-sum">
          <span>{t('totals.total')}</span>
          <span className="dh-price-own" data-testid="checkout-total">{formatFen(cart?.totals.totalFen ?? 0)}</span>
        </div>
        <Button color="primary" data-testid="checkout-submit" disabled={!ready} loading={submit.isPending} onClick={() => cart && submit.mutate(cart.totals.totalFen)}>
          {t('checkout.submit')}
        </Button>
      </div>
      <AddressSheet
        visible={sheetOpen}
        addresses={addresses.items}
        value={addressId}
        onChange={setChosenAddress}
        onAdd={() => navigate('/me/addresses/new?next=/checkout')}
        onClose={() => setSheetOpen(false)}
      />
      <DatePicker
        visible={datePickerOpen}
        title={t('checkout.requestedDate')}
        min={today}
        max={new Date(today.getFullYear() + 1, today.getMonth(), today.getDate())}
        value={requestedDate ? new Date(`${requestedDate}T00:00:00`) : undefined}
        onClose={() => setDatePickerOpen(false)}
        onConfirm={(d) => setRequestedDate(isoDate(d))}
      />
      <Picker
        visible={invoicePickerOpen}
        title={t('checkout.invoice')}
        columns={[[{ label: t('checkout.noInvoice'), value: '' }, ...invoices.items.map((p) => ({ label: `${p.title}（${t(`common:invoiceKind.${p.kind}`)}）`, value: p.id }))]]}
        value={[invoiceId ?? '']}
        onClose={() => setInvoicePickerOpen(false)}
        onConfirm={(v) => setInvoiceId(v[0] ? String(v[0]) : undefined)}
      />
    </SubPage>
  );
}
