import { AutoComplete, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCarriers } from '../../api/fulfilment';
import { FormModal } from '../../components/form-modal';

export interface ShipValues {
  carrier?: string;
  trackingNo?: string;
}

/**
 * 整单发货: everything the order still has to ship leaves at once (one shipment per warehouse) with one carrier and
 * waybill number, both optional. The carrier is picked from the list (or typed); 分仓发货 is the fulfilment page.
 */
export function OrderShipModal({ open, saving, onClose, onSubmit }: { open: boolean; saving: boolean; onClose: () => void; onSubmit: (v: ShipValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShipValues>();
  const carriers = useCarriers(open);
  return (
    <FormModal open={open} title={t('orders.action.ship')} form={form} saving={saving} onCancel={onClose} onSubmit={onSubmit}>
      <Form.Item name="carrier" label={t('orders.carrier')}>
        <AutoComplete
          data-testid="ship-carrier"
          maxLength={40}
          placeholder={t('orders.carrierHint')}
          options={(carriers.data?.carriers ?? []).map((c) => ({ value: c.name }))}
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        />
      </Form.Item>
      <Form.Item name="trackingNo" label={t('orders.trackingNo')}>
        <Input data-testid="ship-tracking" maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
