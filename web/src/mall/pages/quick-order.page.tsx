import { Button, Empty } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CART, cartApi, QUICK_ROWS_MAX, type ReportAndCart, type RowReport, showCart, useCart } from '../api/cart';
import { PageLoading } from '../components/page-loading';
import { RowReportList } from '../components/row-report-list';
import { SkuPickRow } from '../components/sku-pick-row';
import { TextAreaInput, TextInput } from '../components/text-input';
import { useAction } from '../hooks/use-action';
import { useDebounced } from '../hooks/use-debounced';
import { SubPage } from '../layout/sub-page';
import { downloadQuickOrderTemplate } from '../lib/csv-template';
import { formatFen } from '../lib/money';
import { chunk, parseQuickRows } from '../lib/quick-rows';

/** Sends the pasted rows in requests of at most 500; row numbers in the report are those of the text box. */
async function sendRows(text: string): Promise<{ report: RowReport[]; cart: ReportAndCart['cart'] | undefined; failedText: string }> {
  const parsed = parseQuickRows(text);
  const report: RowReport[] = [];
  let cart: ReportAndCart['cart'] | undefined;
  const failed: string[] = [];
  for (const part of chunk(parsed, QUICK_ROWS_MAX)) {
    const res = await cartApi.quick(part.map(({ code, unit, qty }) => ({ code, qty, ...(unit ? { unit } : {}) })));
    cart = res.cart;
    res.report.forEach((r, i) => {
      const source = part[r.row - 1] ?? part[i];
      report.push({ ...r, row: source?.line ?? r.row });
      if (!r.ok && source) failed.push(source.text);
    });
  }
  return { report, cart, failedText: failed.join('\n') };
}

/** 快速订货: paste many rows (from Excel), upload a file, or look up single SKUs; each row reported. */
export default function QuickOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const cart = useCart();
  const [text, setText] = useState('');
  const [report, setReport] = useState<RowReport[]>();
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim());
  const fileInput = useRef<HTMLInputElement>(null);
  const rowCount = parseQuickRows(text).length;

  const afterReport = (res: { report: RowReport[]; cart: ReportAndCart['cart'] | undefined }) => {
    if (res.cart) showCart(qc, res.cart);
    setReport(res.report);
  };
  const paste = useAction(sendRows, {
    success: false,
    onSuccess: (res) => {
      afterReport(res);
      setText(res.failedText);
    },
  });
  const upload = useAction(cartApi.upload, { success: false, onSuccess: afterReport });
  const add = useAction(cartApi.add, { success: t('cart.added'), onSuccess: (c) => showCart(qc, c) });
  const lookup = useQuery({
    queryKey: [`${CART}/lookup`, term],
    queryFn: () => cartApi.lookup(term),
    enabled: term.length > 0,
    staleTime: 30_000,
  });

  const onFile = (file: File | undefined) => {
    if (file) upload.mutate(file);
    if (fileInput.current) fileInput.current.value = '';
  };
  const lines = cart.data?.lines.length ?? 0;

  return (
    <SubPage title={t('quick.title')} back="/cart">
      <div className="dh-section dh-pad" data-testid="quick-paste">
        <div className="dh-block-head">{t('quick.pasteTitle')}</div>
        <div className="dh-muted" style={{ margin: '4px 0 8px' }}>{t('quick.pasteHint')}</div>
        <div className="dh-textarea-box">
          <TextAreaInput
            testId="quick-text"
            value={text}
            onChange={setText}
            placeholder={t('quick.pastePlaceholder')}
            autoSize={{ minRows: 6, maxRows: 14 }}
          />
        </div>
        <Button block color="primary" style={{ marginTop: 12 }} data-testid="quick-submit" disabled={rowCount === 0} loading={paste.isPending} onClick={() => paste.mutate(text)}>
          {rowCount > 0 ? t('quick.submitRows', { count: rowCount }) : t('quick.submit')}
        </Button>
      </div>

      {report && (
        <>
          {report.some((r) => !r.ok) && text && <div className="dh-muted" style={{ margin: '0 12px' }} data-testid="quick-failed-kept">{t('quick.failedKept')}</div>}
          <RowReportList report={report} />
        </>
      )}

      <div className="dh-section dh-pad" data-testid="quick-upload">
        <div className="dh-block-head">{t('quick.uploadTitle')}</div>
        <div className="dh-muted" style={{ margin: '4px 0 8px' }}>{t('quick.uploadHint')}</div>
        <input ref={fileInput} type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" hidden data-testid="quick-file" onChange={(e) => onFile(e.target.files?.[0])} />
        <div className="dh-row-buttons">
          <Button color="primary" fill="outline" data-testid="quick-choose-file" loading={upload.isPending} onClick={() => fileInput.current?.click()}>{t('quick.chooseFile')}</Button>
          <Button fill="none" data-testid="quick-template" onClick={downloadQuickOrderTemplate}>{t('quick.template')}</Button>
        </div>
      </div>

      <div className="dh-section" data-testid="quick-lookup">
        <div className="dh-pad" style={{ paddingBottom: 0 }}>
          <div className="dh-block-head">{t('quick.lookupTitle')}</div>
          <div className="dh-search-input">
            <TextInput testId="quick-lookup-input" value={q} onChange={setQ} placeholder={t('quick.lookupPlaceholder')} />
          </div>
        </div>
        {lookup.isFetching && !lookup.data && <PageLoading />}
        {term && lookup.data?.items.length === 0 && <Empty description={t('quick.noMatch')} imageStyle={{ width: 64 }} />}
        {term && lookup.data?.items.map((pick) => (
          <SkuPickRow key={pick.skuId} pick={pick} busy={add.isPending} onAdd={(skuUnitId, qty) => add.mutate({ skuUnitId, qty })} />
        ))}
      </div>

      <div className="dh-action-bar" data-testid="quick-cart-bar">
        <div className="dh-submit-bar-sum">
          <span className="dh-muted">{t('cart.lineCount', { count: lines })}</span>
          <span className="dh-price-own">{formatFen(cart.data?.totals.totalFen ?? 0)}</span>
        </div>
        <Button color="primary" data-testid="quick-to-cart" onClick={() => navigate('/cart')}>{t('quick.toCart')}</Button>
      </div>
    </SubPage>
  );
}
