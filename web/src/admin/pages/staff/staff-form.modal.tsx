import { Form, Input, Select, Spin, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { Staff } from '../../../shared/api/types';
import { compact } from '../../../shared/forms/compact';
import { useDetail } from '../../../shared/hooks/use-detail';
import { useRegions } from '../../../shared/hooks/use-regions';
import { regionTree } from '../../../shared/lib/regions';
import { FormModal } from '../../components/form-modal';
import { RoleName } from '../../components/role-name';
import { useAction } from '../../hooks/use-action';
import { useRoles } from '../../hooks/use-reference-data';
import { useRules } from '../../../shared/forms/use-rules';
import { useWarehouses } from '../../api/inventory';

interface Values {
  name: string;
  username: string;
  phone?: string;
  email?: string;
  password?: string;
  roleIds: string[];
  regionIds: string[];
  warehouseIds: string[];
  status?: Staff['status'];
}

const PATH = '/admin/staff';

/** Create a staff account, or edit one's name, contact, roles, regions and status. */
export function StaffFormModal({ open, staff, onClose }: { open: boolean; staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const roles = useRoles();
  const regions = useRegions();
  const warehouses = useWarehouses();
  const detail = useDetail<Staff>(PATH, staff?.id);
  const current = detail.data ?? staff;
  const save = useAction(
    (v: Values) =>
      current
        ? api.patch(`${PATH}/${current.id}`, { name: v.name, phone: v.phone || null, email: v.email || null, roleIds: v.roleIds, regionIds: v.regionIds ?? [], warehouseIds: v.warehouseIds ?? [], status: v.status, version: current.version })
        : api.post(PATH, compact({ ...v, regionIds: v.regionIds ?? [], warehouseIds: v.warehouseIds ?? [] })),
    { invalidate: [[PATH]], form, onSuccess: onClose },
  );
  const loading = Boolean(staff) && detail.isLoading;
  const initialValues: Partial<Values> = current
    ? {
        name: current.name,
        username: current.username,
        phone: current.phone ?? undefined,
        email: current.email ?? undefined,
        roleIds: current.roles.map((r) => r.id),
        regionIds: current.regionIds,
        warehouseIds: current.warehouseIds ?? [],
        status: current.status,
      }
    : { roleIds: [], regionIds: [], warehouseIds: [] };

  return (
    <FormModal<Values>
      open={open}
      title={t(current ? 'staff.edit' : 'staff.create')}
      form={form}
      formKey={`${current?.id ?? 'new'}-${current?.version ?? ''}-${loading}`}
      initialValues={initialValues}
      saving={save.isPending}
      onCancel={onClose}
      onSubmit={(v) => save.mutate(v)}
    >
      {loading ? <Spin /> : (
        <>
          <Form.Item name="name" label={t('common:field.name')} rules={[rules.required('common:field.name')]}>
            <Input data-testid="staff-name" />
          </Form.Item>
          <Form.Item name="username" label={t('common:field.username')} rules={[rules.required('common:field.username'), rules.username]}>
            <Input data-testid="staff-username" disabled={Boolean(current)} autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label={t('common:field.phone')} rules={[rules.phone]}>
            <Input data-testid="staff-phone" />
          </Form.Item>
          <Form.Item name="email" label={t('common:field.email')} rules={[rules.email]}>
            <Input data-testid="staff-email" />
          </Form.Item>
          {!current && (
            <Form.Item name="password" label={t('common:field.password')} rules={rules.password()} extra={t('common:validation.passwordRule')}>
              <Input.Password data-testid="staff-password" autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item name="roleIds" label={t('staff.roles')} rules={[{ required: true, message: t('staff.rolesRequired') }]}>
            <Select mode="multiple" data-testid="staff-roles" options={(roles.data ?? []).map((r) => ({ value: r.id, label: <RoleName role={r} /> }))} />
          </Form.Item>
          <Form.Item name="regionIds" label={t('staff.regions')} extra={t('staff.regionsHint')}>
            <TreeSelect multiple treeCheckable showCheckedStrategy={TreeSelect.SHOW_PARENT} treeData={regionTree(regions.data ?? [])} allowClear />
          </Form.Item>
          <Form.Item name="warehouseIds" label={t('staff.warehouses')} extra={t('staff.warehousesHint')}>
            <Select
              mode="multiple"
              allowClear
              data-testid="staff-warehouses"
              placeholder={t('staff.allWarehouses')}
              loading={warehouses.isLoading}
              options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
            />
          </Form.Item>
          {current && (
            <Form.Item name="status" label={t('common:field.status')}>
              <Select options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`common:accountStatus.${s}`) }))} />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
