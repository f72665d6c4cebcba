import { useTranslation } from 'react-i18next';
import type { RoleRef } from '../../shared/api/types';

/** Built-in roles in the glossary's words; custom roles by their own name. */
export function RoleName({ role }: { role: Pick<RoleRef, 'code' | 'name'> }) {
  const { t } = useTranslation();
  return <>{role.code ? t(`common:role.${role.code}`, { defaultValue: role.name }) : role.name}</>;
}
