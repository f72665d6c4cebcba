import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { ApiKey } from '../../../shared/api/types';
import { FormModal } from '../../components/form-modal';
import { PermissionChecklist } from '../../components/permission-checklist';
import { useAction } from '../../hooks/use-action';
import { useRules } from '../../../shared/forms/use-rules';

interface Values {
  name: string;
  scopes: string[];
}

/** Scopes are permission codes; the key can never do more than they allow. */
export function ApiKeyCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const create = useAction((v: Values) => api.post<{ apiKey: ApiKey; token: string }>('/admin/api-keys', v), {
    invalidate: [['/admin/api-keys']],
    form,
    success: false,
    onSuccess: (res) => {
      onClose();
      onCreated(res.token);
    },
  });
  return (
    <FormModal<Values>
      open={open}
      title={t('apiKeys.create')}
      form={form}
      width={760}
      initialValues={{ scopes: [] }}
      saving={create.isPending}
      onCancel={onClose}
      onSubmit={(v) => create.mutate(v)}
    >
      <Form.Item name="name" label={t('apiKeys.name')} rules={[rules.required('apiKeys.name')]} extra={t('apiKeys.nameHint')}>
        <Input data-testid="api-key-name" />
      </Form.Item>
      <Form.Item name="scopes" label={t('apiKeys.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('apiKeys.scopesRequired') }]}>
        <PermissionChecklist />
      </Form.Item>
    </FormModal>
  );
}
