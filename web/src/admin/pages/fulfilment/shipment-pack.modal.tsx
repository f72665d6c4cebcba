import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';

export interface PackValues {
  packages: number;
  /** kilograms as typed; sent as grams */
  weightKg?: number | null;
}

/** 打包: how many parcels, and their total weight in kg (optional). */
export function ShipmentPackModal({ open, saving, initial, onClose, onSubmit }: {
  open: boolean;
  saving: boolean;
  initial: PackValues;
  onClose: () => void;
  onSubmit: (v: PackValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PackValues>();
  return (
    <FormModal open={open} title={t('fulfilment.pack.title')} form={form} initialValues={initial} saving={saving} okText={t('fulfilment.pack.title')} onCancel={onClose} onSubmit={onSubmit}>
      <Form.Item name="packages" label={t('fulfilment.pack.packages')} rules={[{ required: true, message: t('common:validation.required', { field: t('fulfilment.pack.packages') }) }]}>
        <InputNumber data-testid="pack-packages" min={1} max={999} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="weightKg" label={t('fulfilment.pack.weight')}>
        <InputNumber data-testid="pack-weight" min={0.001} max={100_000} precision={3} addonAfter="kg" placeholder={t('fulfilment.pack.weightPlaceholder')} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
