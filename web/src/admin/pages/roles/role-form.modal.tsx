import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { DataScope, Role } from '../../../shared/api/types';
import { FormModal } from '../../components/form-modal';
import { PermissionChecklist } from '../../components/permission-checklist';
import { useAction } from '../../hooks/use-action';
import { useRules } from '../../../shared/forms/use-rules';

interface Values {
  name: string;
  dataScope: DataScope;
  permissions: string[];
}

const PATH = '/admin/roles';

/** Create or edit a role: its name, which customers it sees, and what it may do. */
export function RoleFormModal({ open, role, readOnly, onClose }: { open: boolean; role: Role | null; readOnly: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const save = useAction(
    (v: Values) => (role ? api.patch(`${PATH}/${role.id}`, { ...v, version: role.version }) : api.post(PATH, v)),
    { invalidate: [[PATH]], form, onSuccess: onClose },
  );
  return (
    <FormModal<Values>
      open={open}
      title={role ? role.name : t('roles.create')}
      form={form}
      formKey={role?.id ?? 'new'}
      width={760}
      readOnly={readOnly}
      initialValues={role ? { name: role.name, dataScope: role.dataScope, permissions: role.permissions } : { dataScope: 'assigned', permissions: [] }}
      saving={save.isPending}
      onCancel={onClose}
      onSubmit={(v) => save.mutate(v)}
    >
      {role?.builtIn && <Alert type="info" showIcon message={t('roles.builtInReadOnly')} style={{ marginBottom: 16 }} />}
      <Form.Item name="name" label={t('roles.name')} rules={[rules.required('roles.name')]}>
        <Input data-testid="role-name" />
      </Form.Item>
      <Form.Item name="dataScope" label={t('roles.dataScope')}>
        <Radio.Group options={(['all', 'region', 'assigned'] as const).map((s) => ({ value: s, label: t(`common:dataScope.${s}`) }))} />
      </Form.Item>
      <Form.Item name="permissions" label={t('roles.permissions')}>
        <PermissionChecklist disabled={readOnly} />
      </Form.Item>
    </FormModal>
  );
}
