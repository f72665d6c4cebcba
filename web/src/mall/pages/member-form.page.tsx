import { Button, ErrorBlock, Form, Selector, Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Member, MemberRole } from '../../shared/api/types';
import { compact } from '../../shared/forms/compact';
import { useRules } from '../../shared/forms/use-rules';
import { PageLoading } from '../components/page-loading';
import { TextInput } from '../components/text-input';
import { useItemForm } from '../hooks/use-item-form';
import { SubPage } from '../layout/sub-page';
import { MEMBERS } from './members.page';

interface Values {
  name: string;
  username?: string;
  phone?: string;
  password?: string;
  memberRole: MemberRole[];
  active: boolean;
}

const ROLES: MemberRole[] = ['buyer', 'approver', 'viewer'];

/** The main account adds a login (name, username or phone, password, role) or changes one. */
export default function MemberFormPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const { isNew, item, loading, missing, save } = useItemForm<Member, object>(MEMBERS, '/me/members', form);
  const submit = (v: Values) => {
    const memberRole = v.memberRole[0] ?? 'buyer';
    save.mutate(item
      ? compact({ name: v.name.trim(), memberRole, status: v.active ? 'active' : 'disabled', password: v.password, version: item.version })
      : compact({ name: v.name.trim(), username: v.username?.trim(), phone: v.phone?.trim(), password: v.password, memberRole }));
  };

  let body;
  if (loading) body = <PageLoading />;
  else if (missing) body = <ErrorBlock status="empty" title={t('common:error.not_found')} description="" />;
  else {
    body = (
      <Form
        form={form}
        mode="card"
        initialValues={item ? { name: item.name, memberRole: [item.memberRole], active: item.status === 'active' } : { memberRole: ['buyer'], active: true }}
        onFinish={submit}
        footer={<Button data-testid="member-save" block type="submit" color="primary" loading={save.isPending}>{t('common:action.save')}</Button>}
      >
        <Form.Item name="name" label={t('common:field.name')} rules={[rules.required('common:field.name')]}>
          <TextInput testId="member-name" />
        </Form.Item>
        {isNew && (
          <>
            <Form.Item
              name="username"
              label={t('common:field.username')}
              dependencies={['phone']}
              rules={[rules.username, ({ getFieldValue }) => ({
                validator: async (_, v?: string) => { if (!v?.trim() && !String(getFieldValue('phone') ?? '').trim()) throw new Error(t('members.loginRequired')); },
              })]}
              description={t('members.loginHelp')}
            >
              <TextInput testId="member-username" autoComplete="off" />
            </Form.Item>
            <Form.Item name="phone" label={t('common:field.phone')} rules={[rules.phone]}>
              <TextInput testId="member-phone" type="tel" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="password"
          label={isNew ? t('common:field.password') : t('members.newPassword')}
          rules={rules.password(isNew)}
          description={t('common:validation.passwordRule')}
        >
          <TextInput testId="member-password" type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="memberRole" label={t('members.role')} description={t('members.roleHelp')}>
          <Selector data-testid="member-role" options={ROLES.map((r) => ({ value: r, label: t(`common:memberRole.${r}`) }))} />
        </Form.Item>
        {!isNew && (
          <Form.Item name="active" label={t('members.active')} layout="horizontal" childElementPosition="right" valuePropName="checked">
            <Switch data-testid="member-active" />
          </Form.Item>
        )}
      </Form>
    );
  }
  return <SubPage title={isNew ? t('members.add') : t('members.edit')} back="/me/members">{body}</SubPage>;
}
