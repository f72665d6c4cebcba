import { Button, Selector } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkuPick } from '../api/cart';
import { formatFen } from '../lib/money';
import { firstValidQty } from '../lib/quantity';
import { LineThumb } from './line-thumb';
import { QtyStepper } from './qty-stepper';

/** A looked-up SKU in the quick-order form: pick the unit, set the quantity, add it. */
export function SkuPickRow({ pick, busy, onAdd }: { pick: SkuPick; busy: boolean; onAdd: (skuUnitId: string, qty: number) => void }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState(pick.units[0]?.skuUnitId);
  const unit = pick.units.find((u) => u.skuUnitId === unitId) ?? pick.units[0];
  const [qty, setQty] = useState<number>();
  if (!unit) return null;
  const shown = qty ?? firstValidQty(unit);
  return (
    <div className="dh-pick" data-testid="sku-pick" data-sku-code={pick.skuCode}>
      <div className="dh-pick-head">
        <LineThumb url={pick.imageUrl} alt={pick.productName} size={56} />
        <div className="dh-cart-line-main">
          <div className="dh-product-name">{pick.productName}</div>
          <div className="dh-muted dh-ellipsis">{[pick.specText, pick.skuCode].filter(Boolean).join(' · ')}</div>
          <div><span className="dh-price-own">{formatFen(unit.unitPriceFen)}</span><span className="dh-muted">/{unit.name}</span></div>
        </div>
      </div>
      {pick.units.length > 1 && (
        <Selector
          showCheckMark={false}
          value={[unit.skuUnitId]}
          onChange={(v) => { if (v[0]) { setUnitId(v[0]); setQty(undefined); } }}
          options={pick.units.map((u) => ({ value: u.skuUnitId, label: <span data-testid={`pick-unit-${u.name}`}>{u.name}</span> }))}
        />
      )}
      <div className="dh-pick-foot">
        <QtyStepper value={shown} rule={unit} onChange={setQty} testId="pick-qty" />
        <Button size="small" color="primary" data-testid="pick-add" loading={busy} onClick={() => onAdd(unit.skuUnitId, shown)}>{t('cart.add')}</Button>
      </div>
    </div>
  );
}
