import { Card, Col, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { CustomerDetail } from '../../../shared/api/types';
import type { CustomerOrderRules } from '../../api/orders';
import { useAction } from '../../hooks/use-action';

type Rule = keyof CustomerOrderRules;

/** 订单规则 of one customer: trusted (their orders pass review automatically) and internal approval before submission. */
export function CustomerOrderRulesCard({ customer, canWrite }: { customer: CustomerDetail & CustomerOrderRules; canWrite: boolean }) {
  const { t } = useTranslation();
  const save = useAction(
    (change: Partial<Record<Rule, boolean>>) => api.patch(`/admin/customers/${customer.id}`, { ...change, version: customer.version }),
    { invalidate: [['/admin/customers']] },
  );
  const item = (rule: Rule, testId: string) => (
    <Col xs={24} md={12}>
      <Switch
        data-testid={testId}
        checked={Boolean(customer[rule])}
        disabled={!canWrite}
        loading={save.isPending && save.variables?.[rule] !== undefined}
        onChange={(checked) => save.mutate({ [rule]: checked })}
      />
      <Typography.Text strong style={{ marginLeft: 8 }}>{t(`customers.orderRules.${rule}`)}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>{t(`customers.orderRules.${rule}Hint`)}</Typography.Paragraph>
    </Col>
  );
  return (
    <Card variant="borderless" title={t('customers.orderRules.title')} data-testid="customer-order-rules">
      <Row gutter={16}>
        {item('trusted', 'customer-trusted')}
        {item('orderApproval', 'customer-order-approval')}
      </Row>
    </Card>
  );
}
