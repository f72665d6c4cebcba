import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** "3 个新订单": shown while the queue holds orders that arrived after the user last looked. */
export function NewOrdersNotice({ count, onAcknowledge }: { count: number; onAcknowledge: () => void }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="new-orders"
      style={{ marginBottom: 12 }}
      message={t('orders.queue.newOrders', { count })}
      action={<Button size="small" data-testid="new-orders-ack" onClick={onAcknowledge}>{t('orders.queue.acknowledge')}</Button>}
    />
  );
}
