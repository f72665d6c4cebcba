import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../shared/hooks/use-regions';
import { regionPath, regionTree } from '../../shared/lib/regions';

interface Props {
  value?: string | null;
  onChange?: (regionId: string | null) => void;
  disabled?: boolean;
}

/** A Form control holding one region id; any level can be picked. */
export function RegionCascader({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const regions = useRegions();
  const all = regions.data ?? [];
  return (
    <Cascader
      options={regionTree(all)}
      value={regionPath(all, value)}
      changeOnSelect
      showSearch
      disabled={disabled}
      loading={regions.isLoading}
      placeholder={t('common:field.region')}
      onChange={(path) => onChange?.((path?.[path.length - 1] as string | undefined) ?? null)}
    />
  );
}
