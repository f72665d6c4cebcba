import { Button, Form, Input, Select, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { AccountStatus, CustomerDetail, Member, MemberRole } from '../../../shared/api/types';
import { compact } from '../../../shared/forms/compact';
import { formatDateTime } from '../../../shared/lib/format';
import { AccountStatusTag } from '../../components/status-tag';
import { useAction } from '../../hooks/use-action';
import { useRules } from '../../../shared/forms/use-rules';
import { CrudTab } from './crud-tab';

interface Values {
  name: string;
  username?: string;
  phone?: string;
  email?: string;
  password?: string;
  memberRole: MemberRole;
  isAdmin?: boolean;
}

const ROLES: MemberRole[] = ['buyer', 'approver', 'viewer'];

/** 登录账号: the customer's member logins for the mall. Logins are disabled, not deleted (order history keeps them). */
export function MembersTab({ customer, canWrite }: { customer: CustomerDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const rules = useRules();
  const path = `/admin/customers/${customer.id}/members`;
  const key = ['/admin/customers', customer.id];
  const setStatus = useAction((m: { id: string; status: AccountStatus; version?: number }) =>
    api.patch(`${path}/${m.id}`, compact({ status: m.status, version: m.version })), { invalidate: [key] });
  return (
    <CrudTab<Member, Values>
      path={path}
      invalidate={key}
      rows={customer.members}
      testId="member"
      addLabel={t('members.add')}
      canWrite={canWrite}
      canDelete={false}
      defaults={{ memberRole: 'buyer', isAdmin: customer.members.length === 0 }}
      columns={[
        { title: t('common:field.name'), dataIndex: 'name', render: (v: string, m) => <>{v} {m.isAdmin && <Tag color="gold">{t('members.admin')}</Tag>}</> },
        { title: t('common:field.username'), dataIndex: 'username', render: (v?: string | null) => v ?? '—' },
        { title: t('common:field.phone'), dataIndex: 'phone', render: (v?: string | null) => v ?? '—' },
        { title: t('members.role'), dataIndex: 'memberRole', render: (v: MemberRole) => t(`common:memberRole.${v}`) },
        { title: t('common:field.status'), dataIndex: 'status', render: (v: AccountStatus) => <AccountStatusTag status={v} /> },
        { title: t('common:field.lastLoginAt'), dataIndex: 'lastLoginAt', render: formatDateTime },
      ]}
      rowActions={(m) => (
        <Button type="link" size="small" onClick={() => setStatus.mutate({ id: m.id, status: m.status === 'active' ? 'disabled' : 'active', version: m.version })}>
          {t(m.status === 'active' ? 'common:action.disable' : 'common:action.enable')}
        </Button>
      )}
      toValues={(m) => ({ name: m.name, memberRole: m.memberRole, isAdmin: m.isAdmin })}
      toBody={(v, row) => (row
        ? compact({ name: v.name, memberRole: v.memberRole, isAdmin: v.isAdmin ?? false, password: v.password })
        : compact({ ...v, isAdmin: v.isAdmin ?? false }))}
      fields={(row) => (
        <>
          <Form.Item name="name" label={t('common:field.name')} rules={[rules.required('common:field.name')]}>
            <Input data-testid="member-name" />
          </Form.Item>
          {!row && (
            <>
              <Form.Item name="username" label={t('common:field.username')} rules={[rules.username]}>
                <Input data-testid="member-username" autoComplete="off" />
              </Form.Item>
              <Form.Item name="phone" label={t('common:field.phone')} rules={[rules.phone]}>
                <Input data-testid="member-phone" />
              </Form.Item>
              <Form.Item name="email" label={t('common:field.email')} rules={[rules.email]}>
                <Input />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="password"
            label={row ? t('members.newPassword') : t('common:field.password')}
            rules={rules.password(!row)}
            extra={t('common:validation.passwordRule')}
          >
            <Input.Password data-testid="member-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="memberRole" label={t('members.role')}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`common:memberRole.${r}`) }))} />
          </Form.Item>
          <Form.Item name="isAdmin" label={t('members.admin')} valuePropName="checked" extra={t('members.adminHint')}>
            <Switch />
          </Form.Item>
        </>
      )}
    />
  );
}
