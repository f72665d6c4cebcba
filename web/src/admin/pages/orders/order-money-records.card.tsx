import { Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../api/orders';

/** 收款 records: filled by the payments module; until then an empty state. The shipments have their own card. */
export function OrderMoneyRecordsCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const section = (title: string, items: unknown[], empty: string, testId: string) => (
    <Col xs={24} data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <Typography.Text>{t('orders.records.count', { count: items.length })}</Typography.Text>
      )}
    </Col>
  );
  return (
    <Card variant="borderless">
      <Row gutter={24}>
        {section(t('orders.records.payments'), order.payments ?? [], t('orders.records.noPayments'), 'order-payments')}
      </Row>
    </Card>
  );
}
