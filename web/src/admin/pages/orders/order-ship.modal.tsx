import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';

export interface ShipValues {
  carrier?: string;
  trackingNo?: string;
}

/** 发货: the carrier and the waybill number (both optional until shipments arrive with the inventory module). */
export function OrderShipModal({ open, saving, onClose, onSubmit }: { open: boolean; saving: boolean; onClose: () => void; onSubmit: (v: ShipValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShipValues>();
  return (
    <FormModal open={open} title={t('orders.action.ship')} form={form} saving={saving} onCancel={onClose} onSubmit={onSubmit}>
      <Form.Item name="carrier" label={t('orders.carrier')}>
        <Input data-testid="ship-carrier" maxLength={50} placeholder={t('orders.carrierHint')} />
      </Form.Item>
      <Form.Item name="trackingNo" label={t('orders.trackingNo')}>
        <Input data-testid="ship-tracking" maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
