import { Empty, List, SwipeAction, Tag } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../shared/lib/format';
import { STOCK_ALERTS, stockAlertsApi, useStockAlerts } from '../api/stock-alerts';
import { PageLoading } from '../components/page-loading';
import { useAction } from '../hooks/use-action';
import { SubPage } from '../layout/sub-page';

/** 到货提醒: the member's out-of-stock registrations; arrived ones first, each opening its product. */
export default function StockAlertsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const alerts = useStockAlerts();
  const remove = useAction(stockAlertsApi.remove, { success: t('stockAlerts.removed'), onSuccess: () => void qc.invalidateQueries({ queryKey: [STOCK_ALERTS] }) });
  const items = [...(alerts.data?.items ?? [])].sort((a, b) => Number(Boolean(b.notifiedAt)) - Number(Boolean(a.notifiedAt)) || b.createdAt.localeCompare(a.createdAt));
  return (
    <SubPage title={t('stockAlerts.title')} back="/me">
      {alerts.isLoading && <PageLoading />}
      {!alerts.isLoading && items.length === 0 && <Empty data-testid="stock-alerts-empty" description={t('stockAlerts.empty')} style={{ padding: '48px 0' }} />}
      {items.length > 0 && (
        <List data-testid="stock-alerts">
          {items.map((a) => (
            <SwipeAction key={a.id} rightActions={[{ key: 'delete', text: t('common:action.delete'), color: 'danger', onClick: () => remove.mutate(a.id) }]}>
              <List.Item
                data-testid="stock-alert-item"
                data-arrived={a.notifiedAt ? 'yes' : 'no'}
                onClick={() => navigate(`/products/${a.productId}`)}
                description={`${a.skuCode} · ${a.notifiedAt ? t('stockAlerts.arrivedAt', { at: formatDateTime(a.notifiedAt) }) : t('stockAlerts.registeredAt', { at: formatDateTime(a.createdAt) })}`}
                extra={a.notifiedAt ? <Tag color="success">{t('stockAlerts.arrived')}</Tag> : <Tag color="default">{t('stockAlerts.waitingShort')}</Tag>}
              >
                {a.productName}
              </List.Item>
            </SwipeAction>
          ))}
        </List>
      )}
    </SubPage>
  );
}
