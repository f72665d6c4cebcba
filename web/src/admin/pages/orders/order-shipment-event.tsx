import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderEvent } from '../../api/orders';

/** The `changes` of the shipment events: shipment_created, shipment_shipped, shipment_cancelled. */
interface ShipmentChanges {
  shipmentNo?: string;
  warehouse?: string;
  lines?: { skuCode: string; qty: number; baseUnit: string }[];
  carrier?: string | null;
  trackingNo?: string | null;
}

const SHIPMENT_EVENTS = ['shipment_created', 'shipment_shipped', 'shipment_cancelled'] as const;
export const isShipmentEvent = (e: Pick<OrderEvent, 'action'>) => (SHIPMENT_EVENTS as readonly string[]).includes(e.action);

/** 发货单 FH000001，上海总仓：SKU ×3 瓶 / 顺丰速运 SF123 — one line under a shipment event. */
export function ShipmentEventText({ event }: { event: OrderEvent }) {
  const { t } = useTranslation();
  const c = (event.changes ?? {}) as unknown as ShipmentChanges;
  if (!c.shipmentNo) return null;
  const lines = (c.lines ?? []).map((l) => `${l.skuCode} ×${l.qty}${l.baseUnit ? ` ${l.baseUnit}` : ''}`).join('，');
  const key = event.action === 'shipment_created' ? 'created' : event.action === 'shipment_shipped' ? 'shipped' : 'cancelled';
  return (
    <div data-testid="event-shipment">
      <Typography.Text type="secondary">
        {t(`orders.shipmentEvent.${key}`, { shipmentNo: c.shipmentNo, warehouse: c.warehouse ?? '', lines, carrier: c.carrier ?? '', trackingNo: c.trackingNo ?? '' })}
      </Typography.Text>
    </div>
  );
}
