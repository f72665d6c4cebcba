import { Button, Form, Input, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { CustomerLevel } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { useAction } from '../../hooks/use-action';
import { useModalState } from '../../hooks/use-modal-state';
import { useRules } from '../../../shared/forms/use-rules';

interface Values {
  name: string;
  rank: number;
}

const PATH = '/admin/customer-levels';

/** 客户等级: named levels (e.g. 金牌/银牌); level prices will hang off them. */
function Levels() {
  const { t } = useTranslation();
  const me = useStaff();
  const rules = useRules();
  const list = useCursorList<CustomerLevel>(PATH);
  const modal = useModalState<CustomerLevel>();
  const [form] = Form.useForm<Values>();
  const canWrite = me.can('customers.write');
  const save = useAction(
    (v: Values) => {
      const row = modal.row;
      if (!row) return api.post(PATH, v);
      return api.patch(`${PATH}/${row.id}`, { ...v, version: row.version });
    },
    { invalidate: [[PATH]], form, onSuccess: modal.close },
  );
  const columns = [
    { title: t('levels.name'), dataIndex: 'name' },
    { title: t('levels.rank'), dataIndex: 'rank' },
    { title: t('levels.customerCount'), dataIndex: 'customerCount', render: (v?: number) => v ?? '—' },
    ...(canWrite
      ? [{
          title: t('actions'),
          key: 'actions',
          render: (_: unknown, l: CustomerLevel) => <Button type="link" size="small" data-testid="level-edit" onClick={() => modal.edit(l)}>{t('common:action.edit')}</Button>,
        }]
      : []),
  ];
  return (
    <PageCard title={t('menu.levels')} extra={canWrite && <Button type="primary" data-testid="level-create" onClick={modal.create}>{t('levels.create')}</Button>}>
      <Table<CustomerLevel> rowKey="id" columns={columns} dataSource={list.items} loading={list.isLoading} pagination={false} />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <FormModal<Values>
        open={modal.open}
        title={modal.row ? t('common:action.edit') : t('levels.create')}
        form={form}
        formKey={modal.row?.id ?? 'new'}
        initialValues={modal.row ? { name: modal.row.name, rank: modal.row.rank } : { rank: (list.items.length + 1) * 10 }}
        saving={save.isPending}
        onCancel={modal.close}
        onSubmit={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('levels.name')} rules={[rules.required('levels.name')]}>
          <Input data-testid="level-name" />
        </Form.Item>
        <Form.Item name="rank" label={t('levels.rank')} extra={t('levels.rankHint')} rules={[{ required: true }]}>
          <InputNumber data-testid="level-rank" min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}

export default function LevelsPage() {
  return <RequirePermission permission="customers.read"><Levels /></RequirePermission>;
}
