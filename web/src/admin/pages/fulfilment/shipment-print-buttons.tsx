import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Shipment, SHIPMENT_PRINTS, shipmentPrintUrl } from '../../api/fulfilment';

/** 打印: 拣货单, 发货单 and 快递单 (the label; 未取号 until shipped) as print-styled pages in a new tab. */
export function ShipmentPrintButtons({ shipment }: { shipment: Shipment }) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      {SHIPMENT_PRINTS.map((kind) => (
        <Button key={kind} data-testid={`shipment-print-${kind}`} onClick={() => window.open(shipmentPrintUrl(shipment.id, kind), '_blank', 'noopener')}>
          {t(`fulfilment.shipment.print.${kind}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
