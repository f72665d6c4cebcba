import { Button, Form, Input, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { useRules } from '../../../shared/forms/use-rules';
import { type Brand, BRANDS, PRODUCTS, useBrands } from '../../api/catalog';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { PageCard } from '../../components/page-card';
import { useModalState } from '../../hooks/use-modal-state';
import { useCatalogAction } from './use-catalog-action';

interface Values {
  name: string;
}

/** 品牌: list, add, rename (search follows), delete one without products. */
function Brands() {
  const { t } = useTranslation();
  const me = useStaff();
  const rules = useRules();
  const canWrite = me.can('catalog.write');
  const list = useBrands();
  const modal = useModalState<Brand>();
  const [form] = Form.useForm<Values>();
  const invalidate = [[BRANDS], [PRODUCTS]];
  const save = useCatalogAction(
    (v: Values) => (modal.row ? api.patch(`${BRANDS}/${modal.row.id}`, { name: v.name }) : api.post(BRANDS, { name: v.name })),
    { invalidate, form, onSuccess: modal.close },
  );
  const remove = useCatalogAction((b: Brand) => api.delete(`${BRANDS}/${b.id}`), { invalidate, success: t('common:message.deleted') });
  const columns = [
    { title: t('catalog.brands.name'), dataIndex: 'name' },
    { title: t('catalog.brands.productCount'), dataIndex: 'productCount', width: 120 },
    ...(canWrite
      ? [{
          title: t('actions'),
          key: 'actions',
          width: 160,
          render: (_: unknown, b: Brand) => (
            <Space size={0}>
              <Button type="link" size="small" data-testid="brand-rename" onClick={() => modal.edit(b)}>{t('catalog.categories.rename')}</Button>
              <Popconfirm title={t('catalog.brands.deleteConfirm', { name: b.name })} onConfirm={() => remove.mutate(b)} okButtonProps={{ 'data-testid': 'brand-delete-confirm' } as never}>
                <Button type="link" size="small" danger data-testid="brand-delete">{t('common:action.delete')}</Button>
              </Popconfirm>
            </Space>
          ),
        }]
      : []),
  ];
  return (
    <PageCard title={t('menu.brands')} extra={canWrite && <Button type="primary" data-testid="brand-create" onClick={modal.create}>{t('catalog.brands.create')}</Button>}>
      <Table<Brand> rowKey="id" columns={columns} dataSource={list.data ?? []} loading={list.isLoading} pagination={false} onRow={() => ({ 'data-testid': 'brand-row' }) as React.HTMLAttributes<HTMLElement>} />
      <FormModal<Values>
        open={modal.open}
        title={modal.row ? t('catalog.categories.rename') : t('catalog.brands.create')}
        form={form}
        formKey={modal.row?.id ?? 'new'}
        initialValues={modal.row ? { name: modal.row.name } : {}}
        saving={save.isPending}
        onCancel={modal.close}
        onSubmit={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('catalog.brands.name')} rules={[rules.required('catalog.brands.name')]}>
          <Input data-testid="brand-name" maxLength={60} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}

export default function BrandsPage() {
  return <RequirePermission permission="catalog.read"><Brands /></RequirePermission>;
}
