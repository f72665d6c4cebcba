import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Spin, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { FULFILMENT_QUEUE, SHIPMENTS } from '../../api/fulfilment';
import { RequirePermission } from '../../auth/require-permission';
import { PageCard } from '../../components/page-card';
import { QueueTab } from './queue.tab';
import { ShipmentsTab } from './shipments.tab';
import { FULFILMENT_TABS, useFulfilmentFilters } from './use-fulfilment-filters';
import { WarehouseSwitch } from './warehouse-switch';

/** 发货管理: per warehouse, 待发货 → 拣货中 → 已打包 → 已发货 → 已签收. */
function Fulfilment() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const f = useFulfilmentFilters();
  return (
    <PageCard
      title={t('menu.fulfilment')}
      extra={
        <Button data-testid="fulfilment-refresh" onClick={() => void Promise.all([qc.invalidateQueries({ queryKey: [FULFILMENT_QUEUE] }), qc.invalidateQueries({ queryKey: [SHIPMENTS] })])}>
          {t('fulfilment.refresh')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <WarehouseSwitch value={f.warehouseId} onChange={f.setWarehouse} />
        {f.orderId && (
          <Tag closable color="blue" data-testid="fulfilment-order-filter" onClose={f.clearOrder}>
            {t('fulfilment.orderFilter', { orderNo: f.orderNo ?? f.orderId })}
          </Tag>
        )}
      </Space>
      <Tabs
        activeKey={f.tab}
        onChange={f.setTab}
        items={FULFILMENT_TABS.map((key) => ({ key, label: <span data-testid={`fulfilment-tab-${key}`}>{t(`fulfilment.tab.${key}`)}</span> }))}
      />
      {!f.ready ? (
        <Spin />
      ) : f.status ? (
        <ShipmentsTab key={f.status} status={f.status} warehouseId={f.warehouseId} orderId={f.orderId} />
      ) : (
        <QueueTab warehouseId={f.warehouseId} orderId={f.orderId} />
      )}
    </PageCard>
  );
}

export default function FulfilmentPage() {
  return <RequirePermission permission="orders.ship"><Fulfilment /></RequirePermission>;
}
