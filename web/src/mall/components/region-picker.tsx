import { Cascader } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../shared/hooks/use-regions';
import { regionPath, regionText, regionTree } from '../../shared/lib/regions';

interface Props {
  value?: string | null;
  onChange?: (regionId: string | null) => void;
  testId?: string;
  disabled?: boolean;
}

/** A Form control holding one region id, picked level by level (省 › 市 › 区). */
export function RegionPicker({ value, onChange, testId, disabled }: Props) {
  const { t } = useTranslation();
  const regions = useRegions();
  const [open, setOpen] = useState(false);
  const all = regions.data ?? [];
  const text = regionText(all, value);
  return (
    <>
      <div
        data-testid={testId}
        role="button"
        onClick={() => !disabled && setOpen(true)}
        style={{ color: text ? undefined : 'var(--adm-color-light)', minHeight: 24 }}
      >
        {text || t('region.placeholder')}
      </div>
      <Cascader
        options={regionTree(all)}
        visible={open}
        value={regionPath(all, value)}
        title={t('common:field.region')}
        onClose={() => setOpen(false)}
        onConfirm={(path) => onChange?.((path[path.length - 1] as string | undefined) ?? null)}
      />
    </>
  );
}
