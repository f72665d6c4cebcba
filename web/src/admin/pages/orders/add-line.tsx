import { Button, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkuPick } from '../../api/orders';
import { type EditLine, fromPick } from './edit-lines';
import { SkuCodeInput } from './sku-code-input';

/** 添加商品: find a SKU by code, name or barcode at the customer's price, choose the unit and quantity. */
export function AddLine({ customerId, onAdd }: { customerId: string; onAdd: (line: EditLine) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [pick, setPick] = useState<SkuPick>();
  const [unitId, setUnitId] = useState<string>();
  const [qty, setQty] = useState<number | null>(1);
  const choose = (p: SkuPick) => {
    setPick(p);
    setUnitId(p.units[0]?.skuUnitId);
    setQty(p.units[0]?.minQty || 1);
  };
  const unit = pick?.units.find((u) => u.skuUnitId === unitId);
  const add = () => {
    if (!pick || !unit || !qty) return;
    onAdd(fromPick(pick, unit, qty));
    setText('');
    setPick(undefined);
    setUnitId(undefined);
    setQty(1);
  };
  return (
    <Space wrap data-testid="add-line">
      <SkuCodeInput
        customerId={customerId}
        value={text}
        width={260}
        testId="add-line-code"
        onChange={(v) => {
          setText(v);
          if (pick && v !== pick.skuCode) setPick(undefined);
        }}
        onPick={choose}
      />
      {pick && <span>{pick.productName}{pick.specText ? ` · ${pick.specText}` : ''}</span>}
      <Select
        disabled={!pick}
        value={unitId}
        style={{ width: 90 }}
        placeholder={t('orders.line.unit')}
        onChange={setUnitId}
        options={(pick?.units ?? []).map((u) => ({ value: u.skuUnitId, label: u.name }))}
      />
      <InputNumber min={1} precision={0} value={qty} onChange={(v) => setQty(v === null ? null : Number(v))} disabled={!pick} data-testid="add-line-qty" />
      <Button disabled={!pick || !unit || !qty} data-testid="add-line-submit" onClick={add}>{t('orders.edit.addLine')}</Button>
    </Space>
  );
}
