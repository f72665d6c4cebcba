import { Alert, Button, Divider, Drawer, Form, Input, InputNumber, Radio, Select, Space, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { Customer, Page } from '../../../shared/api/types';
import { fenToYuan, formatFen, type Tier, type UnitPrices, yuanToFen } from '../../api/catalog';
import { useStaff } from '../../auth/use-staff';
import { useAction } from '../../hooks/use-action';
import { useLevels } from '../../hooks/use-reference-data';
import { useMoneyRule } from './sku-matrix';

interface TierValues {
  minQty: number;
  price: string;
}
type LevelMode = 'none' | 'price' | 'percent';
interface SheetValues {
  listTiers: TierValues[];
  levels: Record<string, { mode: LevelMode; value?: string }>;
  specialPrices: { price: string; startsAt: string; endsAt: string; levelIds?: string[] }[];
}
interface CustomerValues {
  customerId?: string;
  price: string;
  tiers: TierValues[];
}

const tiersIn = (tiers: TierValues[] | undefined): Tier[] => (tiers ?? []).map((x) => ({ minQty: Number(x.minQty), priceFen: yuanToFen(x.price) ?? 0 }));
const tiersOut = (tiers: Tier[]): TierValues[] => tiers.map((x) => ({ minQty: x.minQty, price: fenToYuan(x.priceFen) }));
/** ISO → the value of <input type="datetime-local"> in local time. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
/** basis points ↔ percent text with up to 2 decimals ("92.5" ↔ 9250), exact like yuan ↔ fen. */
const percentToBp = (text: string | undefined) => yuanToFen(text ?? '');

/** 阶梯价: "from N pieces, price X" rows. */
function TiersField({ name, testId }: { name: (string | number)[]; testId: string }) {
  const { t } = useTranslation();
  const money = useMoneyRule();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" size={4}>
          {fields.map((f) => (
            <Space key={f.key} align="start">
              <Form.Item name={[f.name, 'minQty']} rules={[{ required: true, type: 'number', min: 2, message: t('catalog.prices.tierMinQty') }]} style={{ marginBottom: 0 }}>
                <InputNumber min={2} precision={0} addonBefore={t('catalog.prices.from')} addonAfter={t('catalog.prices.pieces')} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'price']} rules={[money(true)]} style={{ marginBottom: 0 }}>
                <Input prefix="¥" style={{ width: 120 }} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
            </Space>
          ))}
          <Button size="small" type="dashed" data-testid={`${testId}-add`} onClick={() => add({ minQty: undefined, price: '' })}>{t('catalog.prices.addTier')}</Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The price sheet of one sell unit: list tiers, level prices, special prices, and 一客一价. */
export function PriceDrawer({ unit, onClose }: { unit: { id: string; label: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useStaff();
  const canWrite = me.can('prices.write');
  const levels = useLevels();
  const money = useMoneyRule();
  const path = `/admin/sku-units/${unit?.id}/prices`;
  const sheet = useQuery({ queryKey: ['/admin/sku-units', unit?.id, 'prices'], queryFn: () => api.get<UnitPrices>(path), enabled: Boolean(unit) });
  const [form] = Form.useForm<SheetValues>();
  const [customerForm] = Form.useForm<CustomerValues>();
  const [customerQ, setCustomerQ] = useState('');
  const customers = useQuery({
    queryKey: ['/admin/customers', 'list', { q: customerQ, limit: 20 }],
    queryFn: () => api.get<Page<Customer>>('/admin/customers', { q: customerQ || undefined, limit: 20 }),
    enabled: Boolean(unit) && canWrite,
  });

  const save = useAction(
    (v: SheetValues) => {
      const existing = sheet.data;
      return api.put<UnitPrices>(path, {
        listTiers: tiersIn(v.listTiers),
        levelPrices: Object.entries(v.levels ?? {})
          .filter(([, l]) => l && l.mode !== 'none')
          .map(([levelId, l]) => ({
            levelId,
            mode: l.mode,
            value: (l.mode === 'price' ? yuanToFen(l.value) : percentToBp(l.value)) ?? 0,
            tiers: existing?.levelPrices.find((x) => x.levelId === levelId)?.tiers ?? [],
          })),
        specialPrices: (v.specialPrices ?? []).map((s) => ({
          priceFen: yuanToFen(s.price) ?? 0,
          startsAt: new Date(s.startsAt).toISOString(),
          endsAt: new Date(s.endsAt).toISOString(),
          levelIds: s.levelIds ?? [],
        })),
      });
    },
    { invalidate: [['/admin/sku-units']], form },
  );
  const saveCustomer = useAction(
    (v: CustomerValues) => api.put(`/admin/customers/${v.customerId}/prices/${unit?.id}`, { priceFen: yuanToFen(v.price) ?? 0, tiers: tiersIn(v.tiers) }),
    { invalidate: [['/admin/sku-units']], form: customerForm, onSuccess: () => customerForm.resetFields() },
  );

  const data = sheet.data;
  const initial: SheetValues | undefined = data && {
    listTiers: tiersOut(data.listTiers),
    levels: Object.fromEntries(
      (levels.data ?? []).map((l) => {
        const lp = data.levelPrices.find((x) => x.levelId === l.id);
        return [l.id, lp ? { mode: lp.mode, value: fenToYuan(lp.value) } : { mode: 'none' as LevelMode, value: '' }];
      }),
    ),
    specialPrices: data.specialPrices.map((s) => ({ price: fenToYuan(s.priceFen), startsAt: toLocalInput(s.startsAt), endsAt: toLocalInput(s.endsAt), levelIds: s.levelIds })),
  };
  const levelOptions = (levels.data ?? []).map((l) => ({ value: l.id, label: l.name }));
  const customerName = (id: string) => customers.data?.items.find((c) => c.id === id)?.name ?? id;

  return (
    <Drawer
      open={Boolean(unit)}
      onClose={onClose}
      width={720}
      destroyOnHidden
      title={<span data-testid="price-drawer-title">{t('catalog.prices.title', { unit: unit?.label ?? '' })}</span>}
      extra={canWrite && <Button type="primary" data-testid="prices-save" loading={save.isPending} disabled={!data} onClick={() => form.submit()}>{t('common:action.save')}</Button>}
    >
      {sheet.isLoading || levels.isLoading || !initial ? (
        <Spin />
      ) : (
        <>
          <Typography.Paragraph>
            {t('catalog.prices.listPrice')}: <Typography.Text strong>{formatFen(data?.listPriceFen)}</Typography.Text>
          </Typography.Paragraph>
          <Form<SheetValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} disabled={!canWrite}>
            <Form.Item label={t('catalog.prices.listTiers')} extra={t('catalog.prices.tiersHint')}>
              <TiersField name={['listTiers']} testId="list-tiers" />
            </Form.Item>
            <Divider orientation="left" plain>{t('catalog.prices.levelPrices')}</Divider>
            {(levels.data ?? []).map((l) => (
              <Space key={l.id} align="start" style={{ display: 'flex', marginBottom: 8 }} data-testid="level-price-row">
                <Typography.Text style={{ display: 'inline-block', width: 100, lineHeight: '32px' }}>{l.name}</Typography.Text>
                <Form.Item name={['levels', l.id, 'mode']} style={{ marginBottom: 0 }}>
                  <Radio.Group optionType="button" options={(['none', 'price', 'percent'] as const).map((m) => ({ value: m, label: t(`catalog.prices.mode.${m}`) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const mode: LevelMode = form.getFieldValue(['levels', l.id, 'mode']);
                    if (mode === 'none') return null;
                    return (
                      <Form.Item
                        name={['levels', l.id, 'value']}
                        style={{ marginBottom: 0 }}
                        rules={
                          mode === 'price'
                            ? [money(true)]
                            : [{ validator: async (_: unknown, v?: string) => { const bp = percentToBp(v); if (bp === null || bp > 10000) throw new Error(t('catalog.prices.percentRule')); } }]
                        }
                      >
                        {mode === 'price' ? <Input prefix="¥" style={{ width: 140 }} /> : <Input suffix="%" style={{ width: 140 }} placeholder="90" />}
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Space>
            ))}
            <Divider orientation="left" plain>{t('catalog.prices.specialPrices')}</Divider>
            <Form.List name="specialPrices">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap>
                      <Form.Item name={[f.name, 'price']} rules={[money(true)]} style={{ marginBottom: 0 }}>
                        <Input prefix="¥" style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'startsAt']} rules={[{ required: true, message: t('catalog.prices.windowRequired') }]} style={{ marginBottom: 0 }}>
                        <Input type="datetime-local" style={{ width: 190 }} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'endsAt']}
                        dependencies={[['specialPrices', f.name, 'startsAt']]}
                        rules={[
                          { required: true, message: t('catalog.prices.windowRequired') },
                          { validator: async (_: unknown, v?: string) => { const s = form.getFieldValue(['specialPrices', f.name, 'startsAt']); if (v && s && v <= s) throw new Error(t('catalog.prices.windowOrder')); } },
                        ]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input type="datetime-local" style={{ width: 190 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'levelIds']} style={{ marginBottom: 0 }}>
                        <Select mode="multiple" allowClear placeholder={t('catalog.prices.allLevels')} options={levelOptions} style={{ width: 160 }} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
                    </Space>
                  ))}
                  <Button size="small" type="dashed" data-testid="special-add" onClick={() => add({ price: '', startsAt: '', endsAt: '', levelIds: [] })}>{t('catalog.prices.addSpecial')}</Button>
                </Space>
              )}
            </Form.List>
          </Form>

          <Divider orientation="left" plain>{t('catalog.prices.customerPrices')}</Divider>
          {data && data.customerPrices.length > 0 && (
            <Table
              size="small"
              rowKey="customerId"
              pagination={false}
              style={{ marginBottom: 12 }}
              dataSource={data.customerPrices}
              columns={[
                { title: t('catalog.prices.customer'), dataIndex: 'customerId', render: customerName },
                { title: t('catalog.prices.price'), dataIndex: 'priceFen', render: formatFen },
                { title: t('catalog.prices.listTiers'), dataIndex: 'tiers', render: (tiers: Tier[]) => tiers.map((x) => `≥${x.minQty}: ${formatFen(x.priceFen)}`).join('; ') || '—' },
              ]}
            />
          )}
          {canWrite ? (
            <Form<CustomerValues> form={customerForm} layout="inline" initialValues={{ price: '', tiers: [] }} onFinish={(v) => saveCustomer.mutate(v)} style={{ rowGap: 8 }}>
              <Form.Item name="customerId" rules={[{ required: true, message: t('catalog.prices.customerRequired') }]}>
                <Select
                  showSearch
                  data-testid="customer-price-customer"
                  placeholder={t('catalog.prices.customerSearch')}
                  filterOption={false}
                  onSearch={setCustomerQ}
                  loading={customers.isFetching}
                  style={{ width: 240 }}
                  options={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.code}）` }))}
                />
              </Form.Item>
              <Form.Item name="price" rules={[money(true)]}>
                <Input prefix="¥" placeholder={t('catalog.prices.price')} style={{ width: 120 }} data-testid="customer-price-price" />
              </Form.Item>
              <Form.Item>
                <Button htmlType="submit" data-testid="customer-price-save" loading={saveCustomer.isPending}>{t('catalog.prices.setCustomerPrice')}</Button>
              </Form.Item>
              <Form.Item label={t('catalog.prices.listTiers')} style={{ width: '100%' }}>
                <TiersField name={['tiers']} testId="customer-tiers" />
              </Form.Item>
            </Form>
          ) : (
            <Alert type="info" showIcon message={t('catalog.prices.readOnly')} />
          )}
        </>
      )}
    </Drawer>
  );
}
