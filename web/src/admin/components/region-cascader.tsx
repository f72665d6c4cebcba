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

interface MultiProps {
  value?: string[];
  onChange?: (regionIds: string[]) => void;
  disabled?: boolean;
  placeholder?: string;
  testId?: string;
}

/** A Form control holding several region ids (e.g. the regions a warehouse serves); a whole province or area can be ticked. */
export function RegionsCascader({ value, onChange, disabled, placeholder, testId }: MultiProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const all = regions.data ?? [];
  return (
    <Cascader
      multiple
      options={regionTree(all)}
      value={(value ?? []).map((id) => regionPath(all, id)).filter((path) => path.length > 0)}
      showCheckedStrategy={Cascader.SHOW_PARENT}
      showSearch
      maxTagCount="responsive"
      disabled={disabled}
      loading={regions.isLoading}
      placeholder={placeholder ?? t('common:field.region')}
      data-testid={testId}
      onChange={(paths) => onChange?.((paths ?? []).map((path) => path[path.length - 1] as string).filter(Boolean))}
    />
  );
}
