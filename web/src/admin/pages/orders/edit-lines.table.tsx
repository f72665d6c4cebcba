import { Button, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../api/catalog';
import { type EditLine, isValidQty, lineAmountFen, priceFen, withUnit } from './edit-lines';

interface Props {
  lines: EditLine[];
  onChange: (lines: EditLine[]) => void;
}

/** The editor's lines: quantity and unit price (yuan) per line, remove; a new line may still change its unit. */
export function EditLinesTable({ lines, onChange }: Props) {
  const { t } = useTranslation();
  const update = (key: string, patch: (l: EditLine) => EditLine) => onChange(lines.map((l) => (l.key === key ? patch(l) : l)));
  const columns = [
    {
      title: t('orders.line.product'),
      key: 'product',
      render: (_: unknown, l: EditLine) => (
        <div>
          {l.productName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{[l.skuCode, l.specText].filter(Boolean).join(' · ')}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('orders.line.unit'),
      key: 'unit',
      width: 100,
      render: (_: unknown, l: EditLine) =>
        l.units && l.units.length > 1 ? (
          <Select
            size="small"
            value={l.skuUnitId}
            style={{ width: 80 }}
            onChange={(id: string) => update(l.key, (x) => withUnit(x, l.units!.find((u) => u.skuUnitId === id)!))}
            options={l.units.map((u) => ({ value: u.skuUnitId, label: u.name }))}
          />
        ) : (
          l.unitName
        ),
    },
    {
      title: t('orders.line.qty'),
      key: 'qty',
      width: 120,
      render: (_: unknown, l: EditLine) => (
        <InputNumber
          size="small"
          min={1}
          precision={0}
          value={l.qty}
          status={isValidQty(l.qty) ? undefined : 'error'}
          data-testid="edit-qty"
          onChange={(qty) => update(l.key, (x) => ({ ...x, qty: qty === null ? null : Number(qty) }))}
        />
      ),
    },
    {
      title: t('orders.line.unitPriceYuan'),
      key: 'price',
      width: 140,
      render: (_: unknown, l: EditLine) => (
        <>
          <Input
            size="small"
            prefix="¥"
            value={l.price}
            status={priceFen(l) === null ? 'error' : undefined}
            data-testid="edit-price"
            onChange={(e) => update(l.key, (x) => ({ ...x, price: e.target.value }))}
            style={{ width: 110 }}
          />
          {priceFen(l) === null && <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="edit-price-invalid">{t('orders.grid.priceInvalid')}</Typography.Text>}
          {priceFen(l) === 0 && <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="edit-price-zero">{t('orders.grid.priceZero')}</Typography.Text>}
        </>
      ),
    },
    {
      title: t('orders.line.amount'),
      key: 'amount',
      width: 120,
      align: 'right' as const,
      render: (_: unknown, l: EditLine) => <span data-testid="edit-amount">{formatFen(lineAmountFen(l))}</span>,
    },
    {
      title: '',
      key: 'remove',
      width: 70,
      render: (_: unknown, l: EditLine) => (
        <Button type="link" danger size="small" data-testid="edit-remove" onClick={() => onChange(lines.filter((x) => x.key !== l.key))}>
          {t('common:action.delete')}
        </Button>
      ),
    },
  ];
  return (
    <Table<EditLine>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 760 }}
      onRow={(l) => ({ 'data-testid': 'edit-line', 'data-sku': l.skuCode }) as never}
    />
  );
}
