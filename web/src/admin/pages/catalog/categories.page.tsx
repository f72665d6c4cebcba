import { Button, Empty, Form, Input, InputNumber, Popconfirm, Space, Spin, Tree, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { useRules } from '../../../shared/forms/use-rules';
import { type Category, CATEGORIES, type CategoryNode, categoryTree, PRODUCTS, useCategories } from '../../api/catalog';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { PageCard } from '../../components/page-card';
import { useCatalogAction } from './use-catalog-action';

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

interface Values {
  name: string;
  parentId?: string | null;
  sort?: number;
}

/** What the dialog does: add a child (or a top-level category), rename, or move under another parent. */
type Editing = { mode: 'create'; parent: Category | null } | { mode: 'rename' | 'move'; row: Category } | null;

/** 分类: the category tree; add child, rename, move (change parent), delete. */
function Categories() {
  const { t } = useTranslation();
  const me = useStaff();
  const rules = useRules();
  const canWrite = me.can('catalog.write');
  const list = useCategories();
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm<Values>();
  const all = list.data ?? [];
  const tree = useMemo(() => categoryTree(all), [all]);
  const close = () => setEditing(null);
  const invalidate = [[CATEGORIES], [PRODUCTS]];

  const save = useCatalogAction(
    (v: Values) => {
      if (!editing) return Promise.resolve(null);
      if (editing.mode === 'create') return api.post(CATEGORIES, { name: v.name, parentId: editing.parent?.id ?? null, sort: v.sort ?? 0 });
      if (editing.mode === 'rename') return api.patch(`${CATEGORIES}/${editing.row.id}`, { name: v.name, sort: v.sort, version: editing.row.version });
      return api.patch(`${CATEGORIES}/${editing.row.id}`, { parentId: v.parentId ?? null, version: editing.row.version });
    },
    { invalidate, form, onSuccess: close },
  );
  const remove = useCatalogAction((c: Category) => api.delete(`${CATEGORIES}/${c.id}`), { invalidate, success: t('common:message.deleted') });

  const title = (node: CategoryNode) => {
    const c = node.category;
    return (
      <Space size="small" data-testid="category-node" data-category-id={c.id}>
        <Typography.Text>{c.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('catalog.categories.productCount', { count: c.productCount })}</Typography.Text>
        {canWrite && (
          <Space size={0} onClick={(e) => e.stopPropagation()}>
            <Button type="link" size="small" data-testid="category-add-child" onClick={() => setEditing({ mode: 'create', parent: c })}>{t('catalog.categories.addChild')}</Button>
            <Button type="link" size="small" data-testid="category-rename" onClick={() => setEditing({ mode: 'rename', row: c })}>{t('catalog.categories.rename')}</Button>
            <Button type="link" size="small" data-testid="category-move" onClick={() => setEditing({ mode: 'move', row: c })}>{t('catalog.categories.move')}</Button>
            <Popconfirm title={t('catalog.categories.deleteConfirm', { name: c.name })} onConfirm={() => remove.mutate(c)} okButtonProps={{ 'data-testid': 'category-delete-confirm' } as never}>
              <Button type="link" size="small" danger data-testid="category-delete">{t('common:action.delete')}</Button>
            </Popconfirm>
          </Space>
        )}
      </Space>
    );
  };
  const toTreeData = (nodes: CategoryNode[]): TreeItem[] =>
    nodes.map((n) => ({ key: n.key, title: title(n), children: toTreeData(n.children) }));

  const modalTitle =
    editing?.mode === 'create'
      ? editing.parent ? t('catalog.categories.addChildOf', { name: editing.parent.name }) : t('catalog.categories.addRoot')
      : editing?.mode === 'rename' ? t('catalog.categories.rename') : editing ? t('catalog.categories.moveOf', { name: editing.row.name }) : '';
  const initialValues: Partial<Values> =
    editing?.mode === 'create' ? { sort: 0 } : editing ? { name: editing.row.name, parentId: editing.row.parentId, sort: editing.row.sort } : {};

  return (
    <PageCard
      title={t('menu.categories')}
      extra={canWrite && <Button type="primary" data-testid="category-create" onClick={() => setEditing({ mode: 'create', parent: null })}>{t('catalog.categories.addRoot')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('catalog.categories.hint')}</Typography.Paragraph>
      {list.isLoading ? <Spin /> : tree.length === 0 ? <Empty /> : (
        <Tree key={all.length} blockNode selectable={false} defaultExpandAll treeData={toTreeData(tree)} data-testid="category-tree" />
      )}
      <FormModal<Values>
        open={editing !== null}
        title={modalTitle}
        form={form}
        formKey={editing ? `${editing.mode}-${'row' in editing ? editing.row.id : editing.parent?.id ?? 'root'}` : 'none'}
        initialValues={initialValues}
        saving={save.isPending}
        onCancel={close}
        onSubmit={(v) => save.mutate(v)}
      >
        {editing?.mode !== 'move' ? (
          <>
            <Form.Item name="name" label={t('catalog.categories.name')} rules={[rules.required('catalog.categories.name')]}>
              <Input data-testid="category-name" maxLength={60} />
            </Form.Item>
            <Form.Item name="sort" label={t('catalog.categories.sort')} extra={t('catalog.categories.sortHint')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="parentId" label={t('catalog.categories.parent')} extra={t('catalog.categories.parentHint')}>
            <TreeSelect allowClear showSearch treeNodeFilterProp="title" data-testid="category-parent" treeData={categoryTree(all)} treeDefaultExpandAll placeholder={t('catalog.categories.topLevel')} />
          </Form.Item>
        )}
      </FormModal>
    </PageCard>
  );
}

export default function CategoriesPage() {
  return <RequirePermission permission="catalog.read"><Categories /></RequirePermission>;
}
