import { Button, Form, Input, InputNumber, Modal, Radio, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Direction, type FinanceCategory, reportsApi } from '../../api/finance-reports';
import { useAction } from '../../hooks/use-action';

/** 类别管理: add a category, rename it, reorder, switch it on or off (never deleted: records name it). */
export function CategoriesDialog({ open, categories, canWrite, onClose }: { open: boolean; categories: FinanceCategory[]; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ direction: Direction; name: string }>();
  const [names, setNames] = useState<Record<string, string>>({});
  const add = useAction(reportsApi.addCategory, { invalidate: [[CATEGORIES]], form, onSuccess: () => form.resetFields(['name']) });
  const update = useAction(reportsApi.updateCategory, { invalidate: [[CATEGORIES]] });
  return (
    <Modal open={open} title={t('reports.records.categories')} footer={null} onCancel={onClose} width={640} destroyOnHidden>
      {canWrite && (
        <Form form={form} layout="inline" initialValues={{ direction: 'expense' }} onFinish={(v) => add.mutate({ direction: v.direction, name: v.name.trim() })} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="direction">
            <Radio.Group options={(['expense', 'income'] as const).map((d) => ({ value: d, label: t(`reports.records.directionName.${d}`) }))} />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('common:validation.required', { field: t('reports.records.categoryName') }) }]}>
            <Input maxLength={30} placeholder={t('reports.records.categoryName')} data-testid="category-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="category-add">{t('reports.records.newCategory')}</Button>
        </Form>
      )}
      <Table<FinanceCategory>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={categories}
        columns={[
          { title: t('reports.records.direction'), dataIndex: 'direction', width: 70, render: (d: Direction) => t(`reports.records.directionName.${d}`) },
          { title: t('reports.records.categoryName'), dataIndex: 'name', render: (name: string, c) => (canWrite ? (
            <Space.Compact>
              <Input size="small" maxLength={30} value={names[c.id] ?? name} onChange={(e) => setNames({ ...names, [c.id]: e.target.value })} />
              <Button size="small" disabled={!names[c.id]?.trim() || names[c.id].trim() === name}
                onClick={() => update.mutate({ id: c.id, name: names[c.id].trim(), version: c.version })}>{t('common:action.save')}</Button>
            </Space.Compact>
          ) : name) },
          { title: t('reports.records.sort'), dataIndex: 'sort', width: 90, render: (s: number, c) => (canWrite
            ? <InputNumber size="small" min={0} max={10000} defaultValue={s} onBlur={(e) => { const v = Number(e.target.value); if (Number.isInteger(v) && v !== s) update.mutate({ id: c.id, sort: v, version: c.version }); }} />
            : s) },
          { title: t('reports.records.active'), dataIndex: 'active', width: 70, render: (a: boolean, c) => <Switch size="small" checked={a} disabled={!canWrite} onChange={(on) => update.mutate({ id: c.id, active: on, version: c.version })} /> },
        ]}
      />
    </Modal>
  );
}
