import { Button, Form, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { useModalState } from '../../hooks/use-modal-state';

interface Row {
  id: string;
  version?: number;
}

export interface CrudTabProps<T extends Row, V> {
  /** e.g. /admin/customers/:id/contacts */
  path: string;
  /** refetched after each write (the customer detail) */
  invalidate: QueryKey;
  rows: T[];
  columns: ColumnsType<T>;
  /** stable prefix for test ids: `${testId}-add`, `${testId}-edit`, `${testId}-delete` */
  testId: string;
  addLabel: string;
  canWrite: boolean;
  canDelete?: boolean;
  defaults?: Partial<V>;
  toValues: (row: T) => Partial<V>;
  toBody: (values: V, row: T | null) => object;
  fields: (row: T | null) => ReactNode;
  rowActions?: (row: T) => ReactNode;
}

/** One list under a customer (contacts, addresses, invoice profiles, logins) with its add/edit dialog. */
export function CrudTab<T extends Row, V extends object>(props: CrudTabProps<T, V>) {
  const { t } = useTranslation();
  const { path, invalidate, canWrite, canDelete = true } = props;
  const [form] = Form.useForm<V>();
  const modal = useModalState<T>();
  const save = useAction(
    (v: V) => {
      const row = modal.row;
      const body = props.toBody(v, row);
      if (!row) return api.post(path, body);
      return api.patch(`${path}/${row.id}`, row.version !== undefined ? { ...body, version: row.version } : body);
    },
    { invalidate: [invalidate], form, onSuccess: modal.close },
  );
  const remove = useAction((id: string) => api.delete(`${path}/${id}`), { invalidate: [invalidate], success: t('common:message.deleted') });

  const actions: ColumnsType<T> = canWrite
    ? [{
        title: t('actions'),
        key: 'actions',
        width: 200,
        render: (_: unknown, row: T) => (
          <Space size={0} wrap>
            <Button type="link" size="small" data-testid={`${props.testId}-edit`} onClick={() => modal.edit(row)}>{t('common:action.edit')}</Button>
            {props.rowActions?.(row)}
            {canDelete && (
              <Popconfirm title={t('common:message.confirmDelete')} onConfirm={() => remove.mutate(row.id)}>
                <Button type="link" size="small" danger data-testid={`${props.testId}-delete`}>{t('common:action.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
        ),
      }]
    : [];

  return (
    <>
      {canWrite && (
        <Button type="primary" ghost data-testid={`${props.testId}-add`} onClick={modal.create} style={{ marginBottom: 12 }}>
          {props.addLabel}
        </Button>
      )}
      <Table<T> rowKey="id" size="small" columns={[...props.columns, ...actions]} dataSource={props.rows} pagination={false} scroll={{ x: 700 }} />
      <FormModal<V>
        open={modal.open}
        title={modal.row ? t('common:action.edit') : props.addLabel}
        form={form}
        formKey={modal.row?.id ?? 'new'}
        initialValues={modal.row ? props.toValues(modal.row) : props.defaults}
        saving={save.isPending}
        onCancel={modal.close}
        onSubmit={(v) => save.mutate(v)}
      >
        {props.fields(modal.row)}
      </FormModal>
    </>
  );
}
