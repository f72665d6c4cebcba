import { Button, Empty, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { InvoiceProfile } from '../../shared/api/types';
import { useCursorList } from '../../shared/hooks/use-cursor-list';
import { useMember } from '../auth/use-member';
import { LoadMoreBar } from '../components/load-more-bar';
import { SubPage } from '../layout/sub-page';

export const INVOICE_PROFILES = '/mall/invoice-profiles';

/** 开票信息: the titles the company's invoices are made out to. */
export default function InvoiceProfilesPage() {
  const { t } = useTranslation();
  const me = useMember();
  const navigate = useNavigate();
  const list = useCursorList<InvoiceProfile>(INVOICE_PROFILES);
  return (
    <SubPage title={t('account.invoices')}>
      {!list.isLoading && !list.error && list.items.length === 0 && <Empty description={t('invoices.empty')} style={{ padding: '48px 0' }} />}
      {list.items.length > 0 && (
        <div className="dh-section">
          <List>
            {list.items.map((p) => (
              <List.Item
                key={p.id}
                data-testid="invoice-item"
                description={`${t('common:invoice.taxNo')}: ${p.taxNo}`}
                extra={<><Tag color={p.kind === 'special' ? 'warning' : 'default'}>{t(`common:invoiceKind.${p.kind}`)}</Tag>{p.isDefault && <Tag color="primary" style={{ marginLeft: 4 }}>{t('common:message.default')}</Tag>}</>}
                onClick={me.canEdit ? () => navigate(`/me/invoices/${p.id}`) : undefined}
              >
                {p.title}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <LoadMoreBar hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      {me.canEdit
        ? <div className="dh-footer-actions"><Button block color="primary" data-testid="invoice-add" onClick={() => navigate('/me/invoices/new')}>{t('invoices.add')}</Button></div>
        : <div className="dh-muted" style={{ padding: 16, textAlign: 'center' }}>{t('account.viewerReadOnly')}</div>}
    </SubPage>
  );
}
