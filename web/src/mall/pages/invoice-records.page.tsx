import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCursorList } from '../../shared/hooks/use-cursor-list';
import { type MyInvoice, MY_INVOICES } from '../api/invoices';
import { LoadMoreBar } from '../components/load-more-bar';
import { InvoiceRow } from '../components/order-invoice';
import { SubPage } from '../layout/sub-page';

/** 我的发票: my company's invoices, newest first, each with the orders it covers. */
export default function InvoiceRecordsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useCursorList<MyInvoice>(MY_INVOICES, {}, { limit: 30 });
  return (
    <SubPage title={t('invoicing.records')}>
      <div className="dh-section dh-pay-block" data-testid="invoice-records">
        {!list.isLoading && list.items.length === 0 && !list.error && <div className="dh-muted" data-testid="invoice-records-empty">{t('invoicing.empty')}</div>}
        {list.items.map((i) => (
          <div key={i.id}>
            <InvoiceRow i={i} />
            <div className="dh-muted dh-ellipsis" style={{ paddingBottom: 8 }}>
              {i.lines.map((l, n) => (
                <span key={l.id}>
                  {n > 0 && '、'}
                  <a className="dh-link" data-testid="invoice-order-link" onClick={() => navigate(`/orders/${l.orderId}`)}>{l.orderNo}</a>
                </span>
              ))}
            </div>
          </div>
        ))}
        <LoadMoreBar hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      </div>
    </SubPage>
  );
}
