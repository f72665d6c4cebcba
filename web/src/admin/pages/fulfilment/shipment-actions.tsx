import { Button, type ButtonProps, Form, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SELF_CARRIER, type Shipment, useCarriers } from '../../api/fulfilment';
import { ShipmentPackModal } from './shipment-pack.modal';
import { ShipmentShipModal, type ShipValues } from './shipment-ship.modal';
import { useShipmentStep } from './use-shipment-step';

/** The buttons of a shipment by its status: 打包 (拣货中), 发货 and 取消 (拣货中, 已打包), 刷新物流 (shipped with a carrier, when one is connected). */
export function ShipmentActions({ shipment: s, onStale }: { shipment: Shipment; onStale: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'pack' | 'ship' | null>(null);
  const [shipForm] = Form.useForm<ShipValues>();
  const act = useShipmentStep(s, { form: shipForm, onDone: () => setDialog(null), onStale });
  const open = s.status === 'picking' || s.status === 'packed';
  const carriers = useCarriers();
  // 刷新物流 asks the carrier integration (none connected: nothing to ask)
  const trackable = Boolean(carriers.data?.integration) && (s.status === 'shipped' || s.status === 'delivered') && Boolean(s.trackingNo) && s.carrierCode !== SELF_CARRIER && s.carrierCode !== null;
  const busy = (step: string) => act.isPending && act.variables?.step === step;
  return (
    <Space wrap data-testid="shipment-actions">
      {s.status === 'picking' && <Button data-testid="shipment-pack" onClick={() => setDialog('pack')}>{t('fulfilment.shipment.step.pack')}</Button>}
      {open && <Button type="primary" data-testid="shipment-ship" onClick={() => setDialog('ship')}>{t('fulfilment.shipment.step.ship')}</Button>}
      {open && (
        <Popconfirm
          title={t('fulfilment.shipment.cancelConfirm', { no: s.shipmentNo })}
          onConfirm={() => act.mutate({ step: 'cancel' })}
          okButtonProps={{ 'data-testid': 'shipment-cancel-confirm' } as ButtonProps}
        >
          <Button danger data-testid="shipment-cancel" loading={busy('cancel')}>{t('fulfilment.shipment.step.cancel')}</Button>
        </Popconfirm>
      )}
      {trackable && (
        <Button data-testid="shipment-refresh-tracking" loading={busy('refresh')} onClick={() => act.mutate({ step: 'refresh' })}>
          {t('fulfilment.shipment.refreshTracking')}
        </Button>
      )}
      <ShipmentPackModal
        open={dialog === 'pack'}
        saving={act.isPending}
        initial={{ packages: s.packages || 1, weightKg: s.weightGrams ? s.weightGrams / 1000 : null }}
        onClose={() => setDialog(null)}
        onSubmit={(v) => act.mutate({ step: 'pack', body: { packages: v.packages, ...(v.weightKg ? { weightGrams: Math.max(1, Math.round(v.weightKg * 1000)) } : {}) } })}
      />
      <ShipmentShipModal
        open={dialog === 'ship'}
        saving={act.isPending}
        form={shipForm}
        onClose={() => setDialog(null)}
        onSubmit={(v) => {
          const waybill = Boolean(v.requestWaybill) && v.carrierCode !== SELF_CARRIER;
          act.mutate({
            step: 'ship',
            body: { carrierCode: v.carrierCode!, ...(waybill ? { requestWaybill: true } : v.trackingNo?.trim() ? { trackingNo: v.trackingNo.trim() } : {}) },
          });
        }}
      />
    </Space>
  );
}
