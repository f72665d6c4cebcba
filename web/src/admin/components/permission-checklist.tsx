import { Checkbox, Divider, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../shared/api/types';
import { useLanguage } from '../../shared/i18n/use-language';
import { usePermissionCatalogue } from '../hooks/use-reference-data';

interface Props {
  value?: string[];
  onChange?: (codes: string[]) => void;
  disabled?: boolean;
}

function byGroup(perms: Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const p of perms) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  return [...groups.entries()];
}

/** The permission catalogue as one checkbox group per `group`; a Form control holding the chosen codes. */
export function PermissionChecklist({ value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const catalogue = usePermissionCatalogue();
  if (catalogue.isLoading) return <Spin />;
  const chosen = new Set(value);
  const setGroup = (codes: string[], all: Permission[]) => {
    const inGroup = new Set(all.map((p) => p.code));
    onChange?.([...value.filter((c) => !inGroup.has(c)), ...codes]);
  };
  return (
    <div data-testid="permission-checklist">
      {byGroup(catalogue.data ?? []).map(([group, perms]) => {
        const count = perms.filter((p) => chosen.has(p.code)).length;
        return (
          <div key={group}>
            <Divider orientation="left" plain style={{ margin: '8px 0' }}>
              <Checkbox
                disabled={disabled}
                checked={count === perms.length}
                indeterminate={count > 0 && count < perms.length}
                onChange={(e) => setGroup(e.target.checked ? perms.map((p) => p.code) : [], perms)}
              >
                <Typography.Text strong>{t(`permissionGroup.${group}`, { defaultValue: group })}</Typography.Text>
              </Checkbox>
            </Divider>
            <Checkbox.Group
              disabled={disabled}
              value={perms.filter((p) => chosen.has(p.code)).map((p) => p.code)}
              onChange={(codes) => setGroup(codes as string[], perms)}
              options={perms.map((p) => ({ value: p.code, label: language === 'en' ? p.en : p.zh }))}
            />
          </div>
        );
      })}
    </div>
  );
}
