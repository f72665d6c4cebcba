import { Empty, NavBar, Tabs } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ORDER_TABS, type OrderTab, useOrderList } from '../api/orders';
import { LoadMoreBar } from '../components/load-more-bar';
import { OrderCard } from '../components/order-card';
import { PageLoading } from '../components/page-loading';
import { TextInput } from '../components/text-input';
import { useDebounced } from '../hooks/use-debounced';

const isTab = (v: string | null): v is OrderTab => ORDER_TABS.includes(v as OrderTab);

/** 我的订单: status tabs with counts (the tab lives in the address), newest first, more on demand. */
export default function OrdersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: OrderTab = isTab(tabParam) ? tabParam : 'all';
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 300);
  const list = useOrderList(tab, term);
  const title = (key: OrderTab) => {
    const n = list.counts?.[key];
    return <span data-testid={`orders-tab-${key}`}>{t(`orders.tabs.${key}`)}{n ? <span className="dh-tab-count">{n > 99 ? '99+' : n}</span> : null}</span>;
  };
  return (
    <>
      <div className="dh-navbar">
        <NavBar backIcon={false}>{t('orders.title')}</NavBar>
        <div className="dh-search-input" style={{ margin: '0 12px 8px' }}>
          <TextInput testId="orders-search" value={q} onChange={setQ} placeholder={t('orders.searchPlaceholder')} />
        </div>
        <Tabs activeKey={tab} onChange={(key) => setParams(key === 'all' ? {} : { tab: key }, { replace: true })} className="dh-order-tabs">
          {ORDER_TABS.map((key) => <Tabs.Tab key={key} title={title(key)} />)}
        </Tabs>
      </div>
      {list.isLoading && <PageLoading />}
      {!list.isLoading && !list.error && list.items.length === 0 && <Empty data-testid="orders-empty" description={t('orders.empty')} style={{ padding: '48px 0' }} />}
      <div data-testid="orders-list">
        {list.items.map((o) => <OrderCard key={o.id} order={o} />)}
      </div>
      <LoadMoreBar hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </>
  );
}
