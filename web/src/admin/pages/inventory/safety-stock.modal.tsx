import { App, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { safetyStockPath, skuLabel, STOCK, type StockLevel } from '../../api/inventory';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';

interface Values {
  safetyStock: number;
}

/** 安全库存 of one SKU in one warehouse: kept back from sale (and from transfers); in base units. */
export function SafetyStockModal({ row, onClose }: { row: StockLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useAction(
    (v: Values) => api.put<{ safetyStock: number }>(safetyStockPath(row!.skuId, row!.warehouseId), { safetyStock: v.safetyStock }),
    {
      invalidate: [[STOCK]],
      form,
      success: false,
      onSuccess: (r) => {
        void message.success(t('inventory.safety.done', { n: r.safetyStock, unit: row?.baseUnit ?? '' }));
        onClose();
      },
    },
  );
  const unit = row?.baseUnit ?? '';
  return (
    <FormModal<Values>
      open={Boolean(row)}
      title={t('inventory.safety.title')}
      form={form}
      formKey={row ? `${row.skuId}/${row.warehouseId}` : 'none'}
      width={440}
      initialValues={{ safetyStock: row?.safetyStock ?? 0 }}
      saving={save.isPending}
      onCancel={onClose}
      onSubmit={(v) => save.mutate(v)}
    >
      {row && (
        <Typography.Paragraph data-testid="safety-stock-sku">
          {skuLabel(row)} · {row.warehouseName}
          <br />
          <Typography.Text type="secondary">
            {t('inventory.safety.current', { onHand: row.onHand, reserved: row.reserved, unit })}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Form.Item
        name="safetyStock"
        label={t('inventory.stock.safety')}
        extra={t('inventory.safety.hint')}
        rules={[{ required: true, message: t('common:validation.required', { field: t('inventory.stock.safety') }) }]}
      >
        <InputNumber data-testid="safety-stock-input" precision={0} min={0} max={1_000_000_000} addonAfter={unit || undefined} style={{ width: 220 }} />
      </Form.Item>
    </FormModal>
  );
}
