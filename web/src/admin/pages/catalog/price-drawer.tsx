import { Alert, Button, Divider, Drawer, Form, Input, Radio, Select, Space, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { Customer, Page } from '../../../shared/api/types';
import { basisPointsToPercent, fenToYuan, formatFen, type Tier, type UnitPrices, yuanToFen } from '../../api/catalog';
import { useStaff } from '../../auth/use-staff';
import { useAction } from '../../hooks/use-action';
import { useLevels } from '../../hooks/use-reference-data';
import { useMoneyRule } from './sku-matrix';
import { type FieldName, remapFieldErrors, type Rewrite, tierErrorField, TiersField, tiersIn, tiersOut, tiersText, type TierValues } from './tiers-field';

type LevelMode = 'none' | 'price' | 'percent';
interface LevelValues {
  mode: LevelMode;
  value?: string;
  tiers?: TierValues[];
}
interface SheetValues {
  listTiers: TierValues[];
  levels: Record<string, LevelValues>;
  specialPrices: { price: string; startsAt: string; endsAt: string; levelIds?: string[] }[];
}
interface CustomerValues {
  customerId?: string;
  price: string;
  tiers: TierValues[];
}
type SheetBody = Omit<UnitPrices, 'skuUnitId' | 'listPriceFen' | 'customerPrices'>;

/** ISO → the value of <input type="datetime-local"> in local time. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
/** basis points ↔ percent text with up to 2 decimals ("92.5" ↔ 9250), exact like yuan ↔ fen. */
const percentToBp = (text: string | undefined) => yuanToFen(text ?? '');

/** The form's values → PUT /admin/sku-units/:id/prices (levels set to 不设置 are left out). */
function sheetBody(v: SheetValues): SheetBody {
  return {
    listTiers: tiersIn(v.listTiers),
    levelPrices: Object.entries(v.levels ?? {})
      .filter(([, l]) => l && l.mode !== 'none')
      .map(([levelId, l]) => ({
        levelId,
        mode: l.mode as 'price' | 'percent',
        value: (l.mode === 'price' ? yuanToFen(l.value) : percentToBp(l.value)) ?? 0,
        tiers: tiersIn(l.tiers),
      })),
    specialPrices: (v.specialPrices ?? []).map((s) => ({
      priceFen: yuanToFen(s.price) ?? 0,
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      levelIds: s.levelIds ?? [],
    })),
  };
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

  /** The server's field paths of the sheet (body.levelPrices.<i>…, i of the levels sent) → this form's fields. */
  const sheetRewrite = (v: SheetValues, body: SheetBody): Rewrite => (path, message) => {
    const [head, second, third, ...rest] = path;
    if (head === 'listTiers') return tierErrorField(['listTiers'], path.slice(1), message, v.listTiers, t);
    if (head === 'levelPrices' && second !== undefined) {
      const levelId = body.levelPrices[Number(second)]?.levelId;
      if (!levelId) return null;
      const at: FieldName = ['levels', levelId];
      if (third === 'tiers') return tierErrorField([...at, 'tiers'], rest, message, v.levels[levelId]?.tiers, t);
      if (third === 'value') return { name: [...at, 'value'], message: body.levelPrices[Number(second)]?.mode === 'percent' ? t('catalog.prices.percentRule') : message };
      return { name: [...at, 'mode'], message };
    }
    if (head === 'specialPrices' && second !== undefined) {
      if (third === 'startsAt' || third === 'levelIds') return { name: ['specialPrices', Number(second), third], message };
      if (third === 'endsAt') return { name: ['specialPrices', Number(second), 'endsAt'], message: t('catalog.prices.windowOrder') };
      return { name: ['specialPrices', Number(second), 'price'], message };
    }
    return null;
  };
  const save = useAction(
    (v: SheetValues) => {
      const body = sheetBody(v);
      return api.put<UnitPrices>(path, body).catch((err: unknown) => {
        throw remapFieldErrors(err, sheetRewrite(v, body));
      });
    },
    { invalidate: [['/admin/sku-units']], form },
  );
  const saveCustomer = useAction(
    (v: CustomerValues) =>
      api.put(`/admin/customers/${v.customerId}/prices/${unit?.id}`, { priceFen: yuanToFen(v.price) ?? 0, tiers: tiersIn(v.tiers) }).catch((err: unknown) => {
        throw remapFieldErrors(err, (p, message) =>
          p[0] === 'tiers' ? tierErrorField(['tiers'], p.slice(1), message, v.tiers, t) : p[0] === 'priceFen' ? { name: ['price'], message } : null);
      }),
    { invalidate: [['/admin/sku-units'], ['/admin/orders/sku-lookup']], form: customerForm, onSuccess: () => customerForm.resetFields() },
  );

  const data = sheet.data;
  const initial: SheetValues | undefined = data && {
    listTiers: tiersOut(data.listTiers),
    levels: Object.fromEntries(
      (levels.data ?? []).map((l): [string, LevelValues] => {
        const lp = data.levelPrices.find((x) => x.levelId === l.id);
        return [
          l.id,
          lp
            ? { mode: lp.mode, value: lp.mode === 'percent' ? basisPointsToPercent(lp.value) : fenToYuan(lp.value), tiers: tiersOut(lp.tiers) }
            : { mode: 'none', value: '', tiers: [] },
        ];
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
              <div key={l.id} style={{ marginBottom: 12 }} data-testid="level-price-row" data-level={l.name}>
                <Space align="start" style={{ display: 'flex' }}>
                  <Typography.Text style={{ display: 'inline-block', width: 100, lineHeight: '32px' }}>{l.name}</Typography.Text>
                  <Form.Item name={['levels', l.id, 'mode']} style={{ marginBottom: 0 }}>
                    <Radio.Group
                      optionType="button"
                      options={(['none', 'price', 'percent'] as const).map((m) => ({ value: m, label: <span data-testid={`level-mode-${m}`}>{t(`catalog.prices.mode.${m}`)}</span> }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate={(a: SheetValues, b: SheetValues) => a.levels?.[l.id]?.mode !== b.levels?.[l.id]?.mode}>
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
                          {mode === 'price'
                            ? <Input data-testid="level-value" prefix="¥" inputMode="decimal" style={{ width: 140 }} />
                            : <Input data-testid="level-value" suffix="%" inputMode="decimal" style={{ width: 140 }} placeholder="90" />}
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Space>
                <Form.Item noStyle shouldUpdate={(a: SheetValues, b: SheetValues) => a.levels?.[l.id]?.mode !== b.levels?.[l.id]?.mode}>
                  {() =>
                    form.getFieldValue(['levels', l.id, 'mode']) === 'none' ? null : (
                      <div style={{ margin: '8px 0 0 108px' }}>
                        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>{t('catalog.prices.levelTiers', { level: l.name })}</Typography.Text>
                        <TiersField name={['levels', l.id, 'tiers']} testId="level-tiers" />
                      </div>
                    )
                  }
                </Form.Item>
              </div>
            ))}
            <Divider orientation="left" plain>{t('catalog.prices.specialPrices')}</Divider>
            <Form.List name="specialPrices">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap data-testid="special-row">
                      <Form.Item name={[f.name, 'price']} rules={[money(true)]} style={{ marginBottom: 0 }}>
                        <Input data-testid="special-price" prefix="¥" inputMode="decimal" style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'startsAt']} rules={[{ required: true, message: t('catalog.prices.windowRequired') }]} style={{ marginBottom: 0 }}>
                        <Input data-testid="special-starts" type="datetime-local" style={{ width: 190 }} />
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
                        <Input data-testid="special-ends" type="datetime-local" style={{ width: 190 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'levelIds']} style={{ marginBottom: 0 }}>
                        <Select data-testid="special-levels" mode="multiple" allowClear placeholder={t('catalog.prices.allLevels')} options={levelOptions} style={{ width: 160 }} />
                      </Form.Item>
                      <Button type="link" danger data-testid="special-remove" onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
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
                { title: t('catalog.prices.listTiers'), dataIndex: 'tiers', render: (tiers: Tier[]) => tiersText(tiers, formatFen) || '—' },
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
