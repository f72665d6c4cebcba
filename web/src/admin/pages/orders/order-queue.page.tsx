import { Badge, Button, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { triggerDownload } from '../../api/catalog';
import { ORDER_TABS, ORDERS, type OrderFilters, type OrderSummary, type OrderTab } from '../../api/orders';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { useOrderCounts } from '../../hooks/use-order-counts';
import { BulkApprove } from './bulk-approve';
import { NewOrdersNotice } from './new-orders-notice';
import { OrderFilterBar } from './order-filters';
import { OrderTable } from './order-table';
import { useNewOrders } from './use-new-orders';

const isTab = (v: string | null): v is OrderTab => ORDER_TABS.includes(v as OrderTab);

/** 订单管理: the queue by tab (待处理 first), with live counts, filters, bulk approval and export. */
function OrderQueue() {
  const { t } = useTranslation();
  const me = useStaff();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: OrderTab = isTab(tabParam) ? tabParam : 'todo';
  const [filters, setFilters] = useState<OrderFilters>({});
  const list = useCursorList<OrderSummary>(ORDERS, { ...filters, tab });
  const counts = useOrderCounts();
  const fresh = useNewOrders(counts.data);
  const [selected, setSelected] = useState<string[]>([]);
  const chosen = list.items.filter((o) => selected.includes(o.id));

  return (
    <PageCard
      title={t('menu.orders')}
      extra={
        <Space wrap>
          <Button data-testid="order-export" onClick={() => triggerDownload(`${ORDERS}/export`, { ...filters, tab })}>{t('orders.queue.export')}</Button>
          {me.can('orders.create') && <Button type="primary" data-testid="order-place" onClick={() => navigate('/orders/new')}>{t('menu.placeOrder')}</Button>}
        </Space>
      }
    >
      <NewOrdersNotice count={fresh.count} onAcknowledge={fresh.acknowledge} />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setSelected([]);
          setParams(key === 'todo' ? {} : { tab: key });
        }}
        items={ORDER_TABS.map((key) => ({
          key,
          label: (
            <span data-testid={`order-tab-${key}`}>
              {t(`orders.tab.${key}`)}
              {counts.data && <Badge count={counts.data[key]} showZero overflowCount={99999} color={key === 'todo' ? undefined : '#bfbfbf'} style={{ marginLeft: 6 }} data-testid={`order-count-${key}`} />}
            </span>
          ),
        }))}
      />
      <OrderFilterBar onChange={(f) => { setSelected([]); setFilters(f); }} />
      <Space style={{ marginBottom: 12 }} data-testid="order-bulk-bar">
        <Typography.Text type="secondary">{t('orders.queue.selected', { count: selected.length })}</Typography.Text>
        <BulkApprove selected={chosen} onDone={() => setSelected([])} />
      </Space>
      <OrderTable orders={list.items} loading={list.isLoading} selected={selected} onSelect={setSelected} newSince={fresh.since} />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </PageCard>
  );
}

export default function OrderQueuePage() {
  return <RequirePermission permission="orders.read"><OrderQueue /></RequirePermission>;
}
