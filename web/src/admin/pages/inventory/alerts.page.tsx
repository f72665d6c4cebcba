import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { STOCK_ALERTS, type StockAlert, type StockAlertKind } from '../../api/inventory';
import { RequirePermission } from '../../auth/require-permission';
import { PageCard } from '../../components/page-card';
import { AlertsChart } from './alerts-chart';
import { AlertsTable } from './alerts-table';
import { useMyWarehouses } from './use-my-warehouses';

/** 库存预警: 缺货预警 (with the suggested purchase) and 积压预警, per warehouse and per SKU; tab and warehouse kept in the URL. */
function StockAlerts() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const mine = useMyWarehouses();
  const kind: StockAlertKind = params.get('kind') === 'over' ? 'over' : 'low';
  const warehouseId = params.get('warehouseId') ?? mine.defaultId;
  const set = (patch: Record<string, string | undefined>) => {
    const next = Object.fromEntries(Object.entries({ kind, warehouseId, ...patch }).filter((e): e is [string, string] => Boolean(e[1])));
    setParams(next, { replace: true });
  };
  const list = useQuery({
    queryKey: [STOCK_ALERTS, kind, warehouseId ?? ''],
    queryFn: () => api.get<{ items: StockAlert[] }>(STOCK_ALERTS, { kind, ...(warehouseId ? { warehouseId } : {}) }),
  });
  const rows = list.data?.items ?? [];
  return (
    <PageCard title={t('menu.alerts')}>
      <Tabs
        activeKey={kind}
        onChange={(k) => set({ kind: k })}
        items={(['low', 'over'] as const).map((k) => ({ key: k, label: <span data-testid={`alerts-tab-${k}`}>{t(`inventory.alerts.${k}`)}</span> }))}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          data-testid="alerts-filter-warehouse"
          placeholder={t('inventory.stock.allWarehouses')}
          style={{ width: 180 }}
          value={warehouseId}
          loading={mine.isLoading}
          options={mine.warehouses.map((w) => ({ value: w.id, label: w.name }))}
          onChange={(id?: string) => set({ warehouseId: id })}
        />
        <Typography.Text type="secondary">{t(kind === 'low' ? 'inventory.alerts.lowHint' : 'inventory.alerts.overHint')}</Typography.Text>
      </Space>
      {list.error && <Alert type="error" showIcon message={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />}
      <AlertsChart kind={kind} rows={rows} title={t(kind === 'low' ? 'inventory.alerts.chartLow' : 'inventory.alerts.chartOver')} />
      <AlertsTable kind={kind} rows={rows} loading={list.isLoading} />
    </PageCard>
  );
}

export default function StockAlertsPage() {
  return <RequirePermission permission="inventory.read"><StockAlerts /></RequirePermission>;
}
