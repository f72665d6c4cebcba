import { Button, type ButtonProps, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { CustomerDetail } from '../../../shared/api/types';
import { useStaff } from '../../auth/use-staff';
import { useAction } from '../../hooks/use-action';
import { RejectModal } from './reject.modal';

type Transition = 'approve' | 'disable' | 'enable';

/** The status buttons a customer's current status allows: pending → approve/reject; active ⇄ disabled. */
export function CustomerActions({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const me = useStaff();
  const [rejecting, setRejecting] = useState(false);
  const act = useAction((to: Transition) => api.post(`/admin/customers/${customer.id}/${to}`), {
    invalidate: [['/admin/customers']],
    success: t('customers.statusChanged'),
  });
  const canApprove = me.can('customers.approve');
  const canWrite = me.can('customers.write');
  return (
    <Space wrap>
      {customer.status === 'pending' && canApprove && (
        <>
          <Popconfirm title={t('customers.approveConfirm', { name: customer.name })} onConfirm={() => act.mutate('approve')} okButtonProps={{ 'data-testid': 'customer-approve-confirm' } as ButtonProps}>
            <Button type="primary" data-testid="customer-approve" loading={act.isPending}>{t('customers.approve')}</Button>
          </Popconfirm>
          <Button danger data-testid="customer-reject" onClick={() => setRejecting(true)}>{t('customers.reject')}</Button>
        </>
      )}
      {customer.status === 'active' && canWrite && (
        <Popconfirm title={t('customers.disableConfirm')} onConfirm={() => act.mutate('disable')} okButtonProps={{ 'data-testid': 'customer-disable-confirm' } as ButtonProps}>
          <Button danger data-testid="customer-disable">{t('common:action.disable')}</Button>
        </Popconfirm>
      )}
      {customer.status === 'disabled' && canWrite && (
        <Button data-testid="customer-enable" loading={act.isPending} onClick={() => act.mutate('enable')}>{t('common:action.enable')}</Button>
      )}
      <RejectModal customerId={customer.id} open={rejecting} onClose={() => setRejecting(false)} />
    </Space>
  );
}
