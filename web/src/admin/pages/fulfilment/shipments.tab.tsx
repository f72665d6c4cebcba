import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { type Shipment, SHIPMENTS, type ShipmentStatus } from '../../api/fulfilment';
import { LoadMore } from '../../components/load-more';
import { PickListButton } from './pick-list-button';
import { ShipmentTable } from './shipment-table';

/** 拣货中 / 已打包 / 已发货 / 已签收: the shipments of one status, newest first; 拣货中 also merges picking lists. */
export function ShipmentsTab({ status, warehouseId, orderId }: { status: ShipmentStatus; warehouseId: string | undefined; orderId: string | undefined }) {
  const { t } = useTranslation();
  const list = useCursorList<Shipment>(SHIPMENTS, { status, warehouseId, orderId });
  const [selected, setSelected] = useState<string[]>([]);
  const picking = status === 'picking';
  const chosen = list.items.filter((s) => selected.includes(s.id));
  return (
    <>
      {picking && (
        <Space style={{ marginBottom: 12 }} data-testid="picking-bulk-bar">
          <Typography.Text type="secondary">{t('fulfilment.list.selected', { count: chosen.length })}</Typography.Text>
          <PickListButton selected={chosen} onDone={() => setSelected([])} />
        </Space>
      )}
      <ShipmentTable
        shipments={list.items}
        loading={list.isLoading}
        status={status}
        showWarehouse={!warehouseId}
        selected={picking ? selected : undefined}
        onSelect={picking ? setSelected : undefined}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </>
  );
}
