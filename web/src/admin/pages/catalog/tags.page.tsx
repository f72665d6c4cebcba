import { Button, Form, Input, Popconfirm, Select, Table, Tag as AntTag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { useRules } from '../../../shared/forms/use-rules';
import { PRODUCTS, type Tag, TAGS, useTags } from '../../api/catalog';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { PageCard } from '../../components/page-card';
import { useModalState } from '../../hooks/use-modal-state';
import { useCatalogAction } from './use-catalog-action';

const COLORS = ['#f5222d', '#fa8c16', '#fadb14', '#52c41a', '#13c2c2', '#1677ff', '#722ed1', '#eb2f96', '#8c8c8c'];

interface Values {
  name: string;
  color?: string | null;
}

/** 标签: list, add, delete (a deleted tag is removed from its products). */
function Tags() {
  const { t } = useTranslation();
  const me = useStaff();
  const rules = useRules();
  const canWrite = me.can('catalog.write');
  const list = useTags();
  const modal = useModalState<Tag>();
  const [form] = Form.useForm<Values>();
  const invalidate = [[TAGS], [PRODUCTS]];
  const save = useCatalogAction(
    (v: Values) => {
      return api.post(TAGS, { name: v.name, color: v.color ?? null });
    },
    { invalidate, form, onSuccess: modal.close },
  );
  const remove = useCatalogAction((x: Tag) => api.delete(`${TAGS}/${x.id}`), { invalidate, success: t('common:message.deleted') });
  const columns = [
    { title: t('catalog.tags.name'), dataIndex: 'name', render: (v: string, x: Tag) => <AntTag color={x.color ?? undefined}>{v}</AntTag> },
    { title: t('catalog.brands.productCount'), dataIndex: 'productCount', width: 120 },
    ...(canWrite
      ? [{
          title: t('actions'),
          key: 'actions',
          width: 100,
          render: (_: unknown, x: Tag) => (
            <Popconfirm title={t('catalog.tags.deleteConfirm', { name: x.name })} onConfirm={() => remove.mutate(x)} okButtonProps={{ 'data-testid': 'tag-delete-confirm' } as never}>
              <Button type="link" size="small" danger data-testid="tag-delete">{t('common:action.delete')}</Button>
            </Popconfirm>
          ),
        }]
      : []),
  ];
  return (
    <PageCard title={t('menu.tags')} extra={canWrite && <Button type="primary" data-testid="tag-create" onClick={modal.create}>{t('catalog.tags.create')}</Button>}>
      <Table<Tag> rowKey="id" columns={columns} dataSource={list.data ?? []} loading={list.isLoading} pagination={false} onRow={() => ({ 'data-testid': 'tag-row' }) as React.HTMLAttributes<HTMLElement>} />
      <FormModal<Values> open={modal.open} title={t('catalog.tags.create')} form={form} formKey="new" initialValues={{}} saving={save.isPending} onCancel={modal.close} onSubmit={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('catalog.tags.name')} rules={[rules.required('catalog.tags.name')]}>
          <Input data-testid="tag-name" maxLength={20} />
        </Form.Item>
        <Form.Item name="color" label={t('catalog.tags.color')}>
          <Select allowClear options={COLORS.map((c) => ({ value: c, label: <AntTag color={c}>{c}</AntTag> }))} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}

export default function TagsPage() {
  return <RequirePermission permission="catalog.read"><Tags /></RequirePermission>;
}
