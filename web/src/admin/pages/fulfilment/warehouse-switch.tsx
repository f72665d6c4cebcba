import { Radio, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyWarehouses } from '../inventory/use-my-warehouses';

/** 全部 and each warehouse of the user's 仓库范围, as buttons: the warehouse whose work is shown. */
export function WarehouseSwitch({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const mine = useMyWarehouses();
  if (mine.isLoading) return <Spin size="small" />;
  return (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      data-testid="fulfilment-warehouse"
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value as string) || undefined)}
      options={[
        { value: '', label: <span data-testid="fulfilment-warehouse-all">{t('fulfilment.allWarehouses')}</span> },
        ...mine.warehouses.map((w) => ({ value: w.id, label: <span data-testid={`fulfilment-warehouse-${w.code}`}>{w.name}</span> })),
      ]}
    />
  );
}
