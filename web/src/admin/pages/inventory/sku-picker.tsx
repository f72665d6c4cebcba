import { AutoComplete, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkuChoice } from '../../api/inventory';
import { useSkuSearch } from './use-sku-search';

interface Props {
  value?: SkuChoice | null;
  onChange?: (sku: SkuChoice | null) => void;
  testId?: string;
  width?: number | string;
  disabled?: boolean;
}

/** A Form control holding one SKU, found by typing its code (or the product's name); Enter takes an exact code. */
export function SkuPicker({ value, onChange, testId = 'sku-picker', width = '100%', disabled }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value?.skuCode ?? '');
  const pickedCode = value?.skuCode;
  useEffect(() => {
    if (pickedCode) setText(pickedCode);
  }, [pickedCode]);
  const search = useSkuSearch(text);
  const choose = (sku: SkuChoice) => {
    setText(sku.skuCode);
    onChange?.(sku);
  };
  const pickExact = () => {
    const hit = search.items.find((s) => s.skuCode.toLowerCase() === text.trim().toLowerCase());
    if (hit && hit.skuId !== value?.skuId) choose(hit);
  };
  return (
    <AutoComplete
      value={text}
      disabled={disabled}
      style={{ width }}
      popupMatchSelectWidth={440}
      onChange={(next: string) => {
        setText(next);
        if (value && next !== value.skuCode) onChange?.(null);
      }}
      onSelect={(_: string, option: { sku?: SkuChoice }) => option.sku && choose(option.sku)}
      notFoundContent={search.searched ? t('inventory.sku.notFound') : undefined}
      options={search.items.map((s) => ({
        key: s.skuId,
        value: s.skuCode,
        sku: s,
        label: (
          <div data-testid="sku-option" data-sku={s.skuCode}>
            <Typography.Text strong>{s.skuCode}</Typography.Text> {s.productName}
            {s.specText && <Typography.Text type="secondary"> {s.specText}</Typography.Text>}
          </div>
        ),
      }))}
    >
      <Input data-testid={testId} placeholder={t('inventory.sku.placeholder')} onPressEnter={pickExact} onBlur={pickExact} allowClear />
    </AutoComplete>
  );
}
