import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaff } from './use-staff';

/** A page the side menu would not show still answers 403 when opened by URL. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const staff = useStaff();
  if (!staff.can(permission)) return <Result status="403" title="403" subTitle={t('common:error.forbidden')} />;
  return <>{children}</>;
}
