import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountStatus, CustomerStatus } from '../../shared/api/types';

const COLORS: Record<string, string> = { pending: 'orange', active: 'green', disabled: 'default', rejected: 'red' };

export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`common:customerStatus.${status}`)}</Tag>;
}

export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`common:accountStatus.${status}`)}</Tag>;
}
