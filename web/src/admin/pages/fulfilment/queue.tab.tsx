import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FULFILMENT_QUEUE, type QueueItem, queueKey } from '../../api/fulfilment';
import { BulkCreate } from './bulk-create';
import { QueueTable, queueRowKey } from './queue-table';
import { ShipmentCreateDrawer } from './shipment-create.drawer';

/** The most rows the queue answers at once (the API's page limit). */
const QUEUE_LIMIT = 200;

/** 待发货: the queue of one warehouse (or all), optionally of one order; create a shipment per row or in bulk. */
export function QueueTab({ warehouseId, orderId }: { warehouseId: string | undefined; orderId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queue = useQuery({
    queryKey: [...queueKey(warehouseId), orderId ?? 'any'],
    queryFn: () => api.get<{ items: QueueItem[] }>(FULFILMENT_QUEUE, { warehouseId, orderId, limit: QUEUE_LIMIT }),
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState<QueueItem | null>(null);
  const items = queue.data?.items ?? [];
  const chosen = items.filter((q) => selected.includes(queueRowKey(q)));
  return (
    <>
      {queue.error && <Alert type="error" showIcon message={errorMessage(queue.error, t)} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12 }} data-testid="queue-bulk-bar">
        <Typography.Text type="secondary">{t('fulfilment.queue.selected', { count: chosen.length })}</Typography.Text>
        <BulkCreate selected={chosen} onDone={() => setSelected([])} />
      </Space>
      <QueueTable items={items} loading={queue.isLoading} showWarehouse={!warehouseId} selected={selected} onSelect={setSelected} onCreate={setCreating} />
      <ShipmentCreateDrawer
        item={creating}
        onClose={() => setCreating(null)}
        onCreated={(s) => {
          setCreating(null);
          navigate(`/shipments/${s.id}`);
        }}
      />
    </>
  );
}
