import { Button, Form, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { useRegions } from '../../../shared/hooks/use-regions';
import { regionText } from '../../../shared/lib/regions';
import { STOCK, type Warehouse, WAREHOUSES, useWarehouses } from '../../api/inventory';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { PageCard } from '../../components/page-card';
import { useAction } from '../../hooks/use-action';
import { useModalState } from '../../hooks/use-modal-state';
import { NEW_WAREHOUSE, warehouseBody, WarehouseFields, type WarehouseValues, warehouseValues } from './warehouse-fields';

/** 仓库: where stock is kept, which regions each serves and in which order orders draw from them. */
function Warehouses() {
  const { t } = useTranslation();
  const me = useStaff();
  const canWrite = me.can('inventory.write');
  const list = useWarehouses();
  const regions = useRegions();
  const modal = useModalState<Warehouse>();
  const [form] = Form.useForm<WarehouseValues>();
  const save = useAction(
    (v: WarehouseValues) => {
      const row = modal.row;
      return row ? api.patch(`${WAREHOUSES}/${row.id}`, { ...warehouseBody(v), version: row.version }) : api.post(WAREHOUSES, warehouseBody(v));
    },
    { invalidate: [[WAREHOUSES], [STOCK]], form, onSuccess: modal.close },
  );
  const columns = [
    { title: t('inventory.warehouse.code'), dataIndex: 'code', width: 110 },
    { title: t('inventory.warehouse.name'), dataIndex: 'name', render: (name: string) => <span data-testid="warehouse-row-name">{name}</span> },
    { title: t('inventory.warehouse.address'), dataIndex: 'address', render: (a: string) => a || '—' },
    {
      title: t('inventory.warehouse.regions'),
      dataIndex: 'regionIds',
      render: (ids: string[]) => {
        if (!ids.length) return <Typography.Text type="secondary">{t('inventory.warehouse.regionsNone')}</Typography.Text>;
        return regions.data && ids.map((id) => <Tag key={id}>{regionText(regions.data, id) || id}</Tag>);
      },
    },
    { title: t('inventory.warehouse.priority'), dataIndex: 'priority', width: 90 },
    {
      title: t('common:field.status'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{t(active ? 'inventory.warehouse.on' : 'inventory.warehouse.off')}</Tag>,
    },
    ...(canWrite
      ? [{
          title: t('actions'),
          key: 'actions',
          width: 90,
          render: (_: unknown, w: Warehouse) => <Button type="link" size="small" data-testid="warehouse-edit" onClick={() => modal.edit(w)}>{t('common:action.edit')}</Button>,
        }]
      : []),
  ];
  return (
    <PageCard title={t('menu.warehouses')} extra={canWrite && <Button type="primary" data-testid="warehouse-create" onClick={modal.create}>{t('inventory.warehouse.create')}</Button>}>
      <Typography.Paragraph type="secondary">{t('inventory.warehouse.hint')}</Typography.Paragraph>
      <Table<Warehouse>
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 800 }}
        onRow={(w) => ({ 'data-testid': 'warehouse-row', 'data-code': w.code }) as React.HTMLAttributes<HTMLElement>}
      />
      <FormModal<WarehouseValues>
        open={modal.open}
        title={modal.row ? t('inventory.warehouse.editTitle', { name: modal.row.name }) : t('inventory.warehouse.create')}
        form={form}
        formKey={modal.row?.id ?? 'new'}
        width={560}
        initialValues={modal.row ? warehouseValues(modal.row) : NEW_WAREHOUSE}
        saving={save.isPending}
        onCancel={modal.close}
        onSubmit={(v) => save.mutate(v)}
      >
        <WarehouseFields />
      </FormModal>
    </PageCard>
  );
}

export default function WarehousesPage() {
  return <RequirePermission permission="inventory.read"><Warehouses /></RequirePermission>;
}
