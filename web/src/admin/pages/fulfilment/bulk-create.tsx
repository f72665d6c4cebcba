import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { FULFILMENT_QUEUE, type QueueItem, type Shipment, SHIPMENTS } from '../../api/fulfilment';
import { ORDERS } from '../../api/orders';
import { fulfilmentErrorMessage } from './fulfilment-error';
import { useFulfilmentAction } from './use-fulfilment-action';

interface Outcome { item: QueueItem; shipment?: Shipment; error?: unknown }

/** 批量创建: one shipment per selected queue row, each with what waits there; one after another, failures listed. */
export function BulkCreate({ selected, onDone }: { selected: QueueItem[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const run = useFulfilmentAction(
    async (items: QueueItem[]) => {
      const out: Outcome[] = [];
      for (const item of items) {
        try {
          out.push({ item, shipment: await api.post<Shipment>(SHIPMENTS, { orderId: item.orderId, warehouseId: item.warehouseId }) });
        } catch (error) {
          out.push({ item, error });
        }
      }
      return out;
    },
    {
      success: false,
      invalidate: [[FULFILMENT_QUEUE], [SHIPMENTS], [ORDERS]],
      onSuccess: (out) => {
        const failed = out.filter((o) => o.error);
        const text = t('fulfilment.queue.bulkResult', { ok: out.length - failed.length, failed: failed.length });
        if (!failed.length) void message.success(text);
        else {
          modal.warning({
            title: text,
            content: (
              <ul data-testid="bulk-failures" style={{ paddingLeft: 18 }}>
                {failed.map((o) => (
                  <li key={`${o.item.orderId}:${o.item.warehouseId}`}>
                    {t('fulfilment.queue.bulkFailed', { orderNo: o.item.orderNo, warehouse: o.item.warehouseName, message: fulfilmentErrorMessage(o.error, t) })}
                  </li>
                ))}
              </ul>
            ),
          });
        }
        onDone();
      },
    },
  );
  return (
    <Popconfirm
      title={t('fulfilment.queue.bulkConfirm', { count: selected.length })}
      disabled={!selected.length}
      onConfirm={() => run.mutate(selected)}
      okButtonProps={{ 'data-testid': 'bulk-create-confirm' } as never}
    >
      <Button data-testid="bulk-create" disabled={!selected.length} loading={run.isPending}>
        {t('fulfilment.queue.bulkCreate', { count: selected.length })}
      </Button>
    </Popconfirm>
  );
}
