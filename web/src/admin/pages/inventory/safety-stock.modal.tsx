import { App, Divider, Form, InputNumber, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { type LevelThresholdsIn, safetyStockPath, skuLabel, skuThresholdsPath, STOCK, STOCK_ALERTS, type StockLevel } from '../../api/inventory';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';

interface Values {
  safetyStock: number;
  lowStockQty?: number | null;
  overstockQty?: number | null;
  skuLowStockQty?: number | null;
  skuOverstockQty?: number | null;
}

const orNull = (n: number | null | undefined) => (n === undefined || n === null ? null : n);

/**
 * 安全库存 and 库存预警 of one SKU: in this warehouse the safety stock (kept back from sale and from transfers), the
 * low-stock level (empty = the safety stock) and the overstock level (empty = none); below them the SKU's levels over
 * all warehouses together. All in base units.
 */
export function SafetyStockModal({ row, onClose }: { row: StockLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useAction(
    async (v: Values) => {
      const level = await api.put<LevelThresholdsIn>(safetyStockPath(row!.skuId, row!.warehouseId), {
        safetyStock: v.safetyStock, lowStockQty: orNull(v.lowStockQty), overstockQty: orNull(v.overstockQty),
      });
      const sku = { lowStockQty: orNull(v.skuLowStockQty), overstockQty: orNull(v.skuOverstockQty) };
      if (sku.lowStockQty !== row!.skuLowStockQty || sku.overstockQty !== row!.skuOverstockQty) await api.put(skuThresholdsPath(row!.skuId), sku);
      return level;
    },
    {
      invalidate: [[STOCK], [STOCK_ALERTS]],
      form,
      success: false,
      onSuccess: (r) => {
        void message.success(t('inventory.safety.done', { n: r.safetyStock, unit: row?.baseUnit ?? '' }));
        onClose();
      },
    },
  );
  const unit = row?.baseUnit ?? '';
  const qtyInput = (testId: string, placeholder?: string) => (
    <InputNumber data-testid={testId} precision={0} min={0} max={1_000_000_000} placeholder={placeholder} addonAfter={unit || undefined} style={{ width: 220 }} />
  );
  /** The overstock level must be above the low level (`lowField`, falling back to `fallbackField` when empty). */
  const aboveLow = (lowField: keyof Values, fallbackField?: keyof Values): Rule => ({ getFieldValue }) => ({
    validator: async (_, value: number | null | undefined) => {
      const low = orNull(getFieldValue(lowField)) ?? (fallbackField ? orNull(getFieldValue(fallbackField)) : null);
      if (value !== undefined && value !== null && low !== null && value <= low) throw new Error(t('inventory.safety.overAboveLow', { n: low }));
    },
  });
  return (
    <FormModal<Values>
      open={Boolean(row)}
      title={t('inventory.safety.title')}
      form={form}
      formKey={row ? `${row.skuId}/${row.warehouseId}` : 'none'}
      width={480}
      initialValues={{
        safetyStock: row?.safetyStock ?? 0, lowStockQty: row?.lowStockQty ?? null, overstockQty: row?.overstockQty ?? null,
        skuLowStockQty: row?.skuLowStockQty ?? null, skuOverstockQty: row?.skuOverstockQty ?? null,
      }}
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
        {qtyInput('safety-stock-input')}
      </Form.Item>
      <Form.Item name="lowStockQty" label={t('inventory.safety.low')} extra={t('inventory.safety.lowHint')}>
        {qtyInput('low-stock-input', t('inventory.safety.lowPlaceholder'))}
      </Form.Item>
      <Form.Item name="overstockQty" label={t('inventory.safety.over')} extra={t('inventory.safety.overHint')} dependencies={['lowStockQty', 'safetyStock']}
        rules={[aboveLow('lowStockQty', 'safetyStock')]}>
        {qtyInput('overstock-input', t('inventory.safety.none'))}
      </Form.Item>
      <Divider orientation="left" plain>{t('inventory.safety.skuTotal')}</Divider>
      <Typography.Paragraph type="secondary">{t('inventory.safety.skuTotalHint')}</Typography.Paragraph>
      <Form.Item name="skuLowStockQty" label={t('inventory.safety.low')}>
        {qtyInput('sku-low-stock-input', t('inventory.safety.none'))}
      </Form.Item>
      <Form.Item name="skuOverstockQty" label={t('inventory.safety.over')} dependencies={['skuLowStockQty']} rules={[aboveLow('skuLowStockQty')]}>
        {qtyInput('sku-overstock-input', t('inventory.safety.none'))}
      </Form.Item>
    </FormModal>
  );
}
