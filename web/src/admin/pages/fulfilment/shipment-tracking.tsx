import { Empty, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/lib/format';
import { SELF_CARRIER, type Shipment, type TrackingState } from '../../api/fulfilment';
import { TrackingStateTag } from './shipment-parts';

const COLORS: Record<TrackingState, string> = { collected: 'blue', in_transit: 'blue', out_for_delivery: 'blue', delivered: 'green', exception: 'red', returned: 'red' };

/** 物流跟踪: the parcel's steps as the carrier reported them, newest on top. */
export function ShipmentTracking({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const steps = [...(s.tracking ?? [])].reverse();
  if (!steps.length) {
    const text = s.status === 'picking' || s.status === 'packed' || s.status === 'cancelled'
      ? t('fulfilment.shipment.notShipped')
      : s.carrierCode === SELF_CARRIER ? t('fulfilment.shipment.noTrackingSelf') : t('fulfilment.shipment.noTracking');
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="tracking-empty">{text}</span>} />;
  }
  return (
    <Timeline
      data-testid="tracking-timeline"
      items={steps.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: i === 0 ? COLORS[e.state] : 'gray',
        children: (
          <div data-testid="tracking-step" data-state={e.state}>
            <Typography.Text strong={i === 0} data-testid="tracking-step-text">{e.description}</Typography.Text>
            <div>
              <Space size={4} wrap>
                <TrackingStateTag state={e.state} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(e.at)}{e.location ? ` · ${e.location}` : ''}</Typography.Text>
              </Space>
            </div>
          </div>
        ),
      }))}
    />
  );
}
