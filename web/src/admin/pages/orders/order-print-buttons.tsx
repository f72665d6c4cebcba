import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { triggerDownload } from '../../api/catalog';
import { orderPath, printUrl } from '../../api/orders';

const KINDS = ['order', 'picking', 'delivery'] as const;

/** 打印: the order, the picking list and the delivery note as print-styled pages in a new tab; the order as xlsx. */
export function OrderPrintButtons({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      {KINDS.map((kind) => (
        <Button key={kind} size="small" data-testid={`order-print-${kind}`} onClick={() => window.open(printUrl(orderId, kind), '_blank', 'noopener')}>
          {t(`orders.print.${kind}`)}
        </Button>
      ))}
      <Button size="small" data-testid="order-export-one" onClick={() => triggerDownload(`${orderPath(orderId)}/export`)}>{t('orders.print.xlsx')}</Button>
    </Space.Compact>
  );
}
