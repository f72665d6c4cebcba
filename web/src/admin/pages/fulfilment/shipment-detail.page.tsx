import { useQuery } from '@tanstack/react-query';
import { Card, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { type Shipment, SHIPMENTS, shipmentPath } from '../../api/fulfilment';
import { RequirePermission } from '../../auth/require-permission';
import { ShipmentActions } from './shipment-actions';
import { ShipmentInfo } from './shipment-info';
import { ShipmentLinesTable } from './shipment-lines.table';
import { ShipmentStatusTag, TrackingStateTag } from './shipment-parts';
import { ShipmentPrintButtons } from './shipment-print-buttons';
import { ShipmentTracking } from './shipment-tracking';

/** While a parcel travels its tracking is re-read now and then (the carrier pushes it to the server). */
const TRACKING_POLL_MS = 30_000;

function ShipmentView() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useQuery({
    queryKey: [SHIPMENTS, id],
    queryFn: () => api.get<Shipment>(shipmentPath(id!)),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data?.status === 'shipped' ? TRACKING_POLL_MS : false),
  });
  if (detail.isLoading) return <Spin />;
  if (!detail.data) return <Result status="warning" title={errorMessage(detail.error, t)} extra={<Link to="/fulfilment">{t('common:action.back')}</Link>} />;
  const s = detail.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card variant="borderless" data-testid="shipment-header">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Link to="/fulfilment">← {t('menu.fulfilment')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="shipment-title">{s.shipmentNo}</Typography.Title>
            <span>
              <ShipmentStatusTag status={s.status} />
              {s.status === 'shipped' && s.trackingState && <TrackingStateTag state={s.trackingState} />}
            </span>
          </Space>
          <Space wrap>
            <ShipmentPrintButtons shipment={s} />
            <ShipmentActions shipment={s} onStale={() => detail.refetch()} />
          </Space>
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card variant="borderless" title={t('fulfilment.shipment.title', { no: s.shipmentNo })}>
            <ShipmentInfo shipment={s} />
            <Typography.Title level={5}>{t('fulfilment.shipment.lines', { count: s.lines.length })}</Typography.Title>
            <ShipmentLinesTable lines={s.lines} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title={t('fulfilment.shipment.tracking')} data-testid="shipment-tracking">
            <ShipmentTracking shipment={s} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

export default function ShipmentDetailPage() {
  return <RequirePermission permission="orders.ship"><ShipmentView /></RequirePermission>;
}
