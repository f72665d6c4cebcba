import { Button, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuanToFen, formatFen } from '../../api/catalog';
import { clearRow, emptyRows, type GridRow, rowAmountFen, unitOf, withPick, withUnit } from './grid-rows';
import { SkuCodeInput } from './sku-code-input';

interface Props {
  customerId: string | undefined;
  rows: GridRow[];
  onChange: (rows: GridRow[]) => void;
  /** 1-based rows to mark red */
  badRows: number[];
}

/** The 订货宝-style grid: type a SKU code per row, pick the unit and quantity; the customer's price, overridable. */
export function PlaceOrderGrid({ customerId, rows, onChange, badRows }: Props) {
  const { t } = useTranslation();
  const update = (key: string, patch: (r: GridRow) => GridRow) => onChange(rows.map((r) => (r.key === key ? patch(r) : r)));
  const disabled = !customerId;
  const columns = [
    { title: '#', key: 'no', width: 44, render: (_: unknown, __: GridRow, i: number) => i + 1 },
    {
      title: t('orders.grid.code'),
      key: 'code',
      width: 220,
      render: (_: unknown, r: GridRow) => (
        <SkuCodeInput
          customerId={customerId}
          disabled={disabled}
          value={r.code}
          testId="grid-code"
          onChange={(code) => update(r.key, (x) => (x.pick && code !== x.pick.skuCode ? { ...clearRow(x), code, qty: x.qty } : { ...x, code }))}
          onPick={(pick) => update(r.key, (x) => (x.pick?.skuId === pick.skuId ? x : withPick(x, pick)))}
        />
      ),
    },
    {
      title: t('orders.line.product'),
      key: 'product',
      render: (_: unknown, r: GridRow) =>
        r.pick ? (
          <span data-testid="grid-product">
            {r.pick.productName}
            {r.pick.specText && <Typography.Text type="secondary"> {r.pick.specText}</Typography.Text>}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('orders.line.unit'),
      key: 'unit',
      width: 100,
      render: (_: unknown, r: GridRow) => (
        <Select
          size="small"
          data-testid="grid-unit"
          disabled={!r.pick}
          value={r.unitId}
          style={{ width: 84 }}
          onChange={(id: string) => update(r.key, (x) => withUnit(x, id))}
          options={(r.pick?.units ?? []).map((u) => ({ value: u.skuUnitId, label: u.conversion > 1 ? `${u.name}(${u.conversion})` : u.name }))}
        />
      ),
    },
    {
      title: t('orders.line.qty'),
      key: 'qty',
      width: 110,
      render: (_: unknown, r: GridRow) => {
        const unit = unitOf(r);
        return (
          <InputNumber
            size="small"
            min={1}
            precision={0}
            disabled={disabled}
            value={r.qty}
            data-testid="grid-qty"
            placeholder={unit && unit.minQty > 1 ? t('orders.grid.minQty', { n: unit.minQty }) : undefined}
            onChange={(v) => update(r.key, (x) => ({ ...x, qty: v === null ? null : Number(v) }))}
            style={{ width: 96 }}
          />
        );
      },
    },
    {
      title: t('orders.line.unitPriceYuan'),
      key: 'price',
      width: 150,
      render: (_: unknown, r: GridRow) => {
        const unit = unitOf(r);
        const fen = yuanToFen(r.price);
        const overridden = unit && fen !== null && fen !== unit.unitPriceFen;
        return (
          <>
            <Input
              size="small"
              prefix="¥"
              disabled={!unit}
              value={r.price}
              data-testid="grid-price"
              status={r.price && fen === null ? 'error' : undefined}
              onChange={(e) => update(r.key, (x) => ({ ...x, price: e.target.value }))}
              style={{ width: 110 }}
            />
            {r.price && fen === null && <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="grid-price-invalid">{t('orders.grid.priceInvalid')}</Typography.Text>}
            {unit && fen === 0 && <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="grid-price-zero">{t('orders.grid.priceZero')}</Typography.Text>}
            {unit && overridden && fen !== 0 && <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>{t('orders.grid.customerPrice', { price: formatFen(unit.unitPriceFen) })}</Typography.Text>}
          </>
        );
      },
    },
    {
      title: t('orders.line.amount'),
      key: 'amount',
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: GridRow) => <span data-testid="grid-amount">{formatFen(rowAmountFen(r))}</span>,
    },
    {
      title: '',
      key: 'clear',
      width: 60,
      render: (_: unknown, r: GridRow) => (
        <Button type="link" size="small" onClick={() => update(r.key, clearRow)} disabled={!r.code && !r.pick}>{t('orders.grid.clear')}</Button>
      ),
    },
  ];
  return (
    <>
      <Table<GridRow>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(r) => {
          const index = rows.indexOf(r) + 1;
          return { 'data-testid': 'grid-row', 'data-row': index, style: badRows.includes(index) ? { background: '#fff1f0' } : undefined } as never;
        }}
      />
      <Button type="dashed" block style={{ marginTop: 8 }} data-testid="grid-more" onClick={() => onChange([...rows, ...emptyRows()])}>
        {t('orders.grid.moreRows')}
      </Button>
    </>
  );
}
