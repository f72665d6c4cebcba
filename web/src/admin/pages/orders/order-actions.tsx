import { useQueryClient } from '@tanstack/react-query';
import { Button, type ButtonProps, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { compact } from '../../../shared/forms/compact';
import { FULFILMENT_QUEUE, SHIPMENTS } from '../../api/fulfilment';
import { type OrderDetail, orderPath } from '../../api/orders';
import { OrderReasonModal } from './order-reason.modal';
import { OrderShipModal, type ShipValues } from './order-ship.modal';
import { useOrderMutation } from './use-order-mutation';

type Transition = 'approve' | 'reject' | 'void' | 'ship' | 'receive';
interface Props {
  order: OrderDetail;
  editing: boolean;
  onEdit: () => void;
  onConflict: () => void;
}

/** The buttons of `allowedActions`; each sends the version read, so a change by someone else answers 409. */
export function OrderActions({ order, editing, onEdit, onConflict }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<'reject' | 'void' | 'ship' | null>(null);
  const act = useOrderMutation(
    ({ to, body }: { to: Transition; body?: Record<string, unknown> }) =>
      api.post<OrderDetail>(`${orderPath(order.id)}/${to}`, { version: order.version, ...body }),
    {
      onConflict,
      success: t('orders.statusChanged'),
      onSuccess: () => {
        setDialog(null);
        // 整单发货 creates and ships the order's shipments
        void qc.invalidateQueries({ queryKey: [SHIPMENTS] });
        void qc.invalidateQueries({ queryKey: [FULFILMENT_QUEUE] });
      },
    },
  );
  const allowed = new Set(order.allowedActions);
  if (editing) return null;
  const confirmButton = (testId: string) => ({ 'data-testid': testId }) as ButtonProps;
  return (
    <Space wrap data-testid="order-actions">
      {allowed.has('approve') && (
        <Popconfirm title={t('orders.approveConfirm', { orderNo: order.orderNo })} onConfirm={() => act.mutate({ to: 'approve' })} okButtonProps={confirmButton('order-approve-confirm')}>
          <Button type="primary" data-testid="order-approve" loading={act.isPending && act.variables?.to === 'approve'}>{t('orders.action.approve')}</Button>
        </Popconfirm>
      )}
      {allowed.has('reject') && <Button danger data-testid="order-reject" onClick={() => setDialog('reject')}>{t('orders.action.reject')}</Button>}
      {allowed.has('ship') && <Button type="primary" data-testid="order-ship" onClick={() => setDialog('ship')}>{t('orders.action.ship')}</Button>}
      {allowed.has('ship') && (
        <Button data-testid="order-split-ship" onClick={() => navigate(`/fulfilment?${new URLSearchParams({ orderId: order.id, orderNo: order.orderNo })}`)}>
          {t('orders.shipments.splitShip')}
        </Button>
      )}
      {allowed.has('receive') && (
        <Popconfirm title={t('orders.receiveConfirm')} onConfirm={() => act.mutate({ to: 'receive' })} okButtonProps={confirmButton('order-receive-confirm')}>
          <Button type="primary" data-testid="order-receive">{t('orders.action.receive')}</Button>
        </Popconfirm>
      )}
      {allowed.has('edit') && <Button data-testid="order-edit" onClick={onEdit}>{t('orders.action.edit')}</Button>}
      {allowed.has('void') && <Button danger type="text" data-testid="order-void" onClick={() => setDialog('void')}>{t('orders.action.void')}</Button>}
      <OrderReasonModal
        open={dialog === 'reject' || dialog === 'void'}
        titleKey={dialog === 'void' ? 'orders.action.void' : 'orders.action.reject'}
        saving={act.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => act.mutate({ to: dialog === 'void' ? 'void' : 'reject', body: { reason } })}
      />
      <OrderShipModal
        open={dialog === 'ship'}
        saving={act.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(v: ShipValues) => act.mutate({ to: 'ship', body: compact({ carrier: v.carrier?.trim(), trackingNo: v.trackingNo?.trim() }) })}
      />
    </Space>
  );
}
