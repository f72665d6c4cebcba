import { Form, type FormInstance, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SELF_CARRIER, useCarriers } from '../../api/fulfilment';
import { FormModal } from '../../components/form-modal';

export interface ShipValues {
  carrierCode?: string;
  trackingNo?: string;
  requestWaybill?: boolean;
}

const TRACKING_NO = /^[0-9A-Za-z-]{4,40}$/;

/**
 * 发货: the carrier and its tracking number — typed (or scanned), or, when a carrier integration is connected,
 * issued by the carrier (电子面单取号). 自送/自提 needs no number.
 */
export function ShipmentShipModal({ open, saving, form, onClose, onSubmit }: {
  open: boolean;
  saving: boolean;
  /** the page's form: field errors of the answer go onto it */
  form: FormInstance<ShipValues>;
  onClose: () => void;
  onSubmit: (v: ShipValues) => void;
}) {
  const { t } = useTranslation();
  const carriers = useCarriers();
  const integration = carriers.data?.integration ?? null;
  const carrierCode = Form.useWatch('carrierCode', form);
  const waybill = Form.useWatch('requestWaybill', form) === true;
  const self = carrierCode === SELF_CARRIER;
  return (
    <FormModal<ShipValues>
      open={open}
      title={t('fulfilment.ship.title')}
      form={form}
      initialValues={{ requestWaybill: false }}
      saving={saving}
      okText={t('fulfilment.ship.submit')}
      onCancel={onClose}
      onSubmit={onSubmit}
    >
      <Form.Item name="carrierCode" label={t('fulfilment.ship.carrier')} rules={[{ required: true, message: t('common:validation.select', { field: t('fulfilment.ship.carrier') }) }]}>
        <Select
          data-testid="ship-carrier"
          loading={carriers.isLoading}
          showSearch
          optionFilterProp="label"
          options={(carriers.data?.carriers ?? []).map((c) => ({ value: c.code, label: c.name }))}
        />
      </Form.Item>
      {integration && !self && (
        <Form.Item name="requestWaybill" label={t('fulfilment.ship.requestWaybill')} valuePropName="checked" extra={t('fulfilment.ship.requestWaybillHint')}>
          <Switch data-testid="ship-waybill" />
        </Form.Item>
      )}
      {!waybill && !self && (
        <Form.Item
          name="trackingNo"
          label={t('fulfilment.ship.trackingNo')}
          rules={[
            { required: true, whitespace: true, message: t('common:validation.required', { field: t('fulfilment.ship.trackingNo') }) },
            { pattern: TRACKING_NO, message: t('fulfilment.ship.trackingRule') },
          ]}
        >
          <Input data-testid="ship-tracking" maxLength={40} placeholder={t('fulfilment.ship.trackingPlaceholder')} />
        </Form.Item>
      )}
      {self && <Typography.Text type="secondary">{t('fulfilment.ship.selfHint')}</Typography.Text>}
    </FormModal>
  );
}
