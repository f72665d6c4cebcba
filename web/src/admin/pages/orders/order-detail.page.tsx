import { Alert, Button, Card, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api/error-message';
import { useDetail } from '../../../shared/hooks/use-detail';
import { ORDERS, type OrderDetail } from '../../api/orders';
import { RequirePermission } from '../../auth/require-permission';
import { OrderTags } from '../../components/order-status-tags';
import { OrderActions } from './order-actions';
import { OrderEditor } from './order-editor';
import { OrderInfoCard } from './order-info.card';
import { OrderInvoiceCard } from './order-invoice.card';
import { OrderLinesTable } from './order-lines.table';
import { OrderMoneyRecordsCard } from './order-money-records.card';
import { OrderPrintButtons } from './order-print-buttons';
import { OrderShipmentsCard } from './order-shipments.card';
import { OrderTimeline } from './order-timeline';
import { OrderTotals } from './order-totals';

/** Someone else changed the order since it was read: say so, and offer to read it again. */
function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="order-conflict"
      message={t('orders.conflict.title')}
      description={t('orders.conflict.detail')}
      action={<Button type="primary" data-testid="order-reload" onClick={onReload}>{t('orders.conflict.reload')}</Button>}
    />
  );
}

function OrderView() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useDetail<OrderDetail>(ORDERS, id);
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  if (detail.isLoading) return <Spin />;
  if (!detail.data) return <Result status="warning" title={errorMessage(detail.error, t)} extra={<Link to="/orders">{t('common:action.back')}</Link>} />;
  const order = detail.data;
  const reload = () => {
    setConflict(false);
    setEditing(false);
    void detail.refetch();
  };
  const reasons = [order.rejectReason && t('orders.rejectedBecause', { reason: order.rejectReason }), order.cancelReason && t('orders.cancelledBecause', { reason: order.cancelReason })].filter(Boolean);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card variant="borderless">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Link to="/orders">← {t('menu.orders')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-title">{order.orderNo}</Typography.Title>
            <span data-testid="order-tags"><OrderTags order={order} /></span>
          </Space>
          <Space wrap>
            <OrderPrintButtons orderId={order.id} />
            {!conflict && <OrderActions order={order} editing={editing} onEdit={() => setEditing(true)} onConflict={() => setConflict(true)} />}
          </Space>
        </Space>
        {reasons.map((r) => <Alert key={String(r)} type="error" showIcon style={{ marginTop: 16 }} message={r} />)}
        {conflict && !editing && <div style={{ marginTop: 16 }}><ConflictAlert onReload={reload} /></div>}
      </Card>
      <OrderInfoCard order={order} />
      {editing && conflict && <ConflictAlert onReload={reload} />}
      {editing ? (
        <OrderEditor key={order.version} order={order} onDone={() => setEditing(false)} onConflict={() => setConflict(true)} />
      ) : (
        <Card variant="borderless" title={t('orders.lines', { count: order.lines.length })}>
          <OrderLinesTable lines={order.lines} />
          <div style={{ marginTop: 16 }}><OrderTotals order={order} /></div>
        </Card>
      )}
      <OrderShipmentsCard orderId={order.id} />
      <OrderInvoiceCard order={order} />
      <Row gutter={16}>
        <Col xs={24} xl={12}><OrderMoneyRecordsCard order={order} /></Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t('orders.timeline')}>
            <OrderTimeline events={order.events} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

export default function OrderDetailPage() {
  return <RequirePermission permission="orders.read"><OrderView /></RequirePermission>;
}
