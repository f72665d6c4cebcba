import { Alert, Button, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { CustomerDetail } from '../../../shared/api/types';
import { fenToYuan, formatFen, type UnitPrices, yuanToFen } from '../../api/catalog';
import { SKU_LOOKUP, type SkuPick } from '../../api/orders';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { useModalState } from '../../hooks/use-modal-state';
import { useMoneyRule } from '../catalog/sku-matrix';
import { remapFieldErrors, tierErrorField, TiersField, tiersIn, tiersOut, tiersText, type TierValues } from '../catalog/tiers-field';
import { SkuCodeInput } from '../orders/sku-code-input';
import { type CustomerPrice, customerPricesPath, type PriceRow, priceRows } from './customer-prices';

interface Values {
  price: string;
  tiers: TierValues[];
}

/** The resolved price of a looked-up SKU for this customer, refreshed after a save (same cache as the SKU picker). */
function CurrentPrice({ customerId, pick, skuUnitId }: { customerId: string; pick: SkuPick; skuUnitId: string }) {
  const found = useQuery({
    queryKey: [SKU_LOOKUP, customerId, pick.skuCode],
    queryFn: () => api.get<{ items: SkuPick[] }>(SKU_LOOKUP, { customerId, q: pick.skuCode }),
    staleTime: 30_000,
  });
  const current = found.data?.items.find((p) => p.skuId === pick.skuId) ?? pick;
  const unit = current.units.find((u) => u.skuUnitId === skuUnitId);
  return <span data-testid="cp-current">{formatFen(unit?.unitPriceFen)}</span>;
}

/**
 * 一客一价 of one customer: every own price of the customer (GET /admin/customers/:id/prices), plus the units of
 * SKUs looked up here (GET /admin/orders/sku-lookup, priced for this customer) so a new one can be set
 * (PUT /admin/customers/:id/prices/:skuUnitId) or one removed (DELETE, the level or list price applies again).
 */
export function CustomerPricesTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const me = useStaff();
  const money = useMoneyRule();
  const canLookup = me.can('orders.create');
  const canWrite = me.can('prices.write');
  const path = customerPricesPath(customer.id);
  const [text, setText] = useState('');
  const [picks, setPicks] = useState<SkuPick[]>([]);
  const [form] = Form.useForm<Values>();
  const modal = useModalState<PriceRow>();

  const own = useQuery({ queryKey: [path], queryFn: () => api.get<{ items: CustomerPrice[] }>(path) });
  const ownOf = (skuUnitId: string) => own.data?.items.find((p) => p.skuUnitId === skuUnitId);
  const rows = priceRows(picks, own.data?.items ?? []);
  // the list price of looked-up units without an own price comes from the unit's price sheet
  const sheetUnits = rows.filter((r) => !ownOf(r.skuUnitId)).map((r) => r.skuUnitId);
  const sheets = useQueries({
    queries: sheetUnits.map((id) => ({ queryKey: ['/admin/sku-units', id, 'prices'], queryFn: () => api.get<UnitPrices>(`/admin/sku-units/${id}/prices`) })),
  });
  const listPriceOf = (skuUnitId: string) => ownOf(skuUnitId)?.listPriceFen ?? sheets[sheetUnits.indexOf(skuUnitId)]?.data?.listPriceFen;

  const pick = (p: SkuPick) => {
    setPicks((list) => [p, ...list.filter((x) => x.skuId !== p.skuId)]);
    setText('');
  };

  const invalidate = [[path], ['/admin/sku-units'], [SKU_LOOKUP]];
  const save = useAction(
    ({ row, v }: { row: PriceRow; v: Values }) =>
      api.put(`${path}/${row.skuUnitId}`, { priceFen: yuanToFen(v.price) ?? 0, tiers: tiersIn(v.tiers) }).catch((err: unknown) => {
        throw remapFieldErrors(err, (p, message) =>
          p[0] === 'tiers' ? tierErrorField(['tiers'], p.slice(1), message, v.tiers, t) : p[0] === 'priceFen' ? { name: ['price'], message } : null);
      }),
    { invalidate, form, onSuccess: modal.close },
  );
  const remove = useAction((row: PriceRow) => api.delete(`${path}/${row.skuUnitId}`), { invalidate, success: t('customerPrices.removed') });

  const editing = modal.row;
  const editingOwn = editing ? ownOf(editing.skuUnitId) : undefined;

  return (
    <>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {canLookup ? (
          <Space wrap align="center">
            <SkuCodeInput customerId={customer.id} value={text} onChange={setText} onPick={pick} testId="cp-sku" width={360} placeholder={t('customerPrices.search')} />
            <Typography.Text type="secondary">{t('customerPrices.hint')}</Typography.Text>
          </Space>
        ) : (
          <Alert type="info" showIcon message={t('customerPrices.noLookup')} />
        )}
        {own.error ? <Alert type="error" showIcon message={t('customerPrices.loadFailed')} /> : null}
        <Table<PriceRow>
          size="small"
          rowKey="skuUnitId"
          pagination={false}
          loading={own.isLoading}
          dataSource={rows}
          scroll={{ x: 860 }}
          locale={{ emptyText: t(canLookup ? 'customerPrices.empty' : 'customerPrices.emptyNoLookup') }}
          onRow={(r) => ({ 'data-testid': 'cp-row', 'data-sku': r.skuCode, 'data-unit': r.unitName }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('customerPrices.product'),
              render: (_, r) => (
                <>
                  <Typography.Text strong>{r.productName}</Typography.Text>
                  {r.specText && <Typography.Text type="secondary"> {r.specText}</Typography.Text>}
                  <div><Typography.Text type="secondary">{r.skuCode}</Typography.Text></div>
                </>
              ),
            },
            { title: t('customerPrices.unit'), width: 80, render: (_, r) => r.unitName },
            { title: t('customerPrices.listPrice'), width: 110, align: 'right', render: (_, r) => formatFen(listPriceOf(r.skuUnitId)) },
            {
              title: t('customerPrices.current'),
              width: 120,
              align: 'right',
              render: (_, r) => {
                if (r.pick && canLookup) return <CurrentPrice customerId={customer.id} pick={r.pick} skuUnitId={r.skuUnitId} />;
                // an own price is what the customer pays (it comes before special and level prices)
                return <span data-testid="cp-current">{formatFen(ownOf(r.skuUnitId)?.priceFen)}</span>;
              },
            },
            {
              title: t('customerPrices.own'),
              width: 120,
              align: 'right',
              render: (_, r) => {
                const p = ownOf(r.skuUnitId);
                return <span data-testid="cp-own">{p ? formatFen(p.priceFen) : <Tag>{t('customerPrices.notSet')}</Tag>}</span>;
              },
            },
            {
              title: t('catalog.prices.listTiers'),
              render: (_, r) => <span data-testid="cp-tiers">{tiersText(ownOf(r.skuUnitId)?.tiers ?? [], formatFen) || '—'}</span>,
            },
            ...(canWrite
              ? [{
                  title: t('actions'),
                  width: 130,
                  render: (_: unknown, r: PriceRow) => {
                    const p = ownOf(r.skuUnitId);
                    return (
                      <Space size={0}>
                        <Button type="link" size="small" data-testid="cp-edit" disabled={!own.data} onClick={() => modal.edit(r)}>
                          {p ? t('customerPrices.edit') : t('customerPrices.set')}
                        </Button>
                        {p && (
                          <Popconfirm
                            title={t('customerPrices.removeConfirm', { product: r.productName, unit: r.unitName })}
                            onConfirm={() => remove.mutate(r)}
                            okButtonProps={{ 'data-testid': 'cp-remove-confirm', danger: true } as never}
                          >
                            <Button type="link" size="small" danger data-testid="cp-remove" loading={remove.isPending && remove.variables?.skuUnitId === r.skuUnitId}>
                              {t('customerPrices.remove')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    );
                  },
                }]
              : []),
          ]}
        />
      </Space>
      <FormModal<Values>
        open={modal.open}
        title={editing ? t('customerPrices.modalTitle', { product: `${editing.productName}${editing.specText ? ` ${editing.specText}` : ''}`, unit: editing.unitName }) : ''}
        form={form}
        formKey={editing?.skuUnitId ?? 'none'}
        width={560}
        initialValues={{ price: editingOwn ? fenToYuan(editingOwn.priceFen) : '', tiers: editingOwn ? tiersOut(editingOwn.tiers) : [] }}
        saving={save.isPending}
        onCancel={modal.close}
        onSubmit={(v) => editing && save.mutate({ row: editing, v })}
      >
        <Typography.Paragraph type="secondary">
          {t('customerPrices.listPrice')} {formatFen(editing ? listPriceOf(editing.skuUnitId) : undefined)}
        </Typography.Paragraph>
        <Form.Item name="price" label={t('customerPrices.own')} rules={[money(true)]} extra={t('customerPrices.ownHint')}>
          <Input data-testid="cp-price" prefix="¥" inputMode="decimal" placeholder="0.00" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('catalog.prices.listTiers')} extra={t('catalog.prices.tiersHint')}>
          <TiersField name={['tiers']} testId="cp-tiers-edit" />
        </Form.Item>
      </FormModal>
    </>
  );
}
