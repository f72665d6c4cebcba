import { Button, Form, Input, InputNumber, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../shared/api/api-error';
import { fenToYuan, type Tier, yuanToFen } from '../../api/catalog';
import { useMoneyRule } from './sku-matrix';

/** One 阶梯价 row as the form holds it: the price is the yuan text as typed (parsed to fen exactly on save). */
export interface TierValues {
  minQty?: number;
  price: string;
}

/** Form rows → the API's tiers (in the order entered, so a server error's row index is the form's). */
export const tiersIn = (tiers: TierValues[] | undefined): Tier[] =>
  (tiers ?? []).map((x) => ({ minQty: Number(x.minQty), priceFen: yuanToFen(x.price) ?? 0 }));
export const tiersOut = (tiers: Tier[]): TierValues[] => tiers.map((x) => ({ minQty: x.minQty, price: fenToYuan(x.priceFen) }));
/** "≥10 ¥2.50；≥20 ¥2.40" */
export const tiersText = (tiers: Tier[], format: (fen: number) => string): string =>
  tiers.map((x) => `≥${x.minQty} ${format(x.priceFen)}`).join('；');

/** The codes of src/modules/pricing/domain/tiers.ts validateTiers, reported as the message of `…tiers` errors. */
const TIER_PROBLEMS = ['tier_min_qty', 'negative_price', 'tier_duplicate', 'tier_not_decreasing'] as const;
type TierProblem = (typeof TIER_PROBLEMS)[number];
const isTierProblem = (m: string): m is TierProblem => (TIER_PROBLEMS as readonly string[]).includes(m);

/**
 * The row a whole-list tier problem is about, found with the server's own rule on the rows as entered:
 * sorted by quantity, the second of two equal quantities, or the first break whose price rises above the one before.
 */
export function tierProblemRow(rows: TierValues[], problem: TierProblem): { index: number; field: 'minQty' | 'price' } | null {
  const tiers = tiersIn(rows).map((x, index) => ({ ...x, index }));
  if (problem === 'tier_min_qty') {
    const bad = tiers.find((x) => !Number.isSafeInteger(x.minQty) || x.minQty < 2);
    return bad ? { index: bad.index, field: 'minQty' } : null;
  }
  if (problem === 'negative_price') {
    const bad = tiers.find((x) => yuanToFen(rows[x.index]?.price) === null);
    return bad ? { index: bad.index, field: 'price' } : null;
  }
  const sorted = [...tiers].sort((a, b) => a.minQty - b.minQty || a.index - b.index);
  for (let i = 1; i < sorted.length; i++) {
    if (problem === 'tier_duplicate' && sorted[i].minQty === sorted[i - 1].minQty) return { index: sorted[i].index, field: 'minQty' };
    if (problem === 'tier_not_decreasing' && sorted[i].priceFen > sorted[i - 1].priceFen) return { index: sorted[i].index, field: 'price' };
  }
  return null;
}

export type FieldName = (string | number)[];
/** A server error moved onto a form field; null leaves it where it was (it then matches no field). */
export type Rewrite = (path: string[], message: string) => { name: FieldName; message: string } | null;

/**
 * A 400 with its `errors[].path` ("body.levelPrices.0.tiers") rewritten to the form's field names
 * ("levels.<id>.tiers.1.price"), so the shared feedback puts each message on its field (applyFormErrors).
 */
export function remapFieldErrors(err: unknown, rewrite: Rewrite): unknown {
  if (!isApiError(err) || err.errors.length === 0) return err;
  const errors = err.errors.map((e) => {
    const path = e.path.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1').split('.');
    const to = rewrite(path, e.message);
    return to ? { path: to.name.join('.'), message: to.message } : e;
  });
  return new ApiError(err.status, err.code, err.detail, errors);
}

/**
 * A tier error under `prefix` (the form's list): `rest` is what follows the server's list path —
 * [] for a whole-list problem (put on the offending row), [i, "minQty" | "priceFen"] for one row.
 */
export function tierErrorField(prefix: FieldName, rest: string[], message: string, rows: TierValues[] | undefined, t: TFunction): { name: FieldName; message: string } {
  const list = rows ?? [];
  if (rest.length === 0) {
    const text = isTierProblem(message) ? t(`catalog.prices.tierError.${message}`) : message;
    const at = isTierProblem(message) ? tierProblemRow(list, message) : null;
    if (at) return { name: [...prefix, at.index, at.field], message: text };
    // Not pinned to a row (e.g. too many breaks): the list's own error line.
    return { name: prefix, message: text };
  }
  const index = Number(rest[0]);
  const field = rest[1] === 'minQty' ? 'minQty' : 'price';
  const text = field === 'minQty' ? t('catalog.prices.tierMinQty') : message;
  return { name: [...prefix, index, field], message: text };
}

/**
 * 阶梯价: "from N pieces, unit price X" rows. Client-side only each cell is checked (N ≥ 2, a yuan amount);
 * the rules across rows (distinct quantities, prices not rising) are the server's, and its 400 lands on the row.
 */
export function TiersField({ name, testId }: { name: FieldName; testId: string }) {
  const { t } = useTranslation();
  const money = useMoneyRule();
  return (
    <Form.List name={name} rules={[{ validator: async () => undefined }]}>
      {(fields, { add, remove }, { errors }) => (
        <Space direction="vertical" size={4} data-testid={testId}>
          {fields.map((f) => (
            <Space key={f.key} align="start" data-testid={`${testId}-row`}>
              <Form.Item
                name={[f.name, 'minQty']}
                rules={[{ required: true, type: 'number', min: 2, message: t('catalog.prices.tierMinQty') }]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber
                  data-testid={`${testId}-min`}
                  min={2}
                  max={1_000_000}
                  precision={0}
                  addonBefore={t('catalog.prices.from')}
                  addonAfter={t('catalog.prices.pieces')}
                  style={{ width: 180 }}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'price']} rules={[money(true)]} style={{ marginBottom: 0 }}>
                <Input data-testid={`${testId}-price`} prefix="¥" inputMode="decimal" placeholder="0.00" style={{ width: 130 }} />
              </Form.Item>
              <Button type="link" danger data-testid={`${testId}-remove`} onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button size="small" type="dashed" data-testid={`${testId}-add`} disabled={fields.length >= 20} onClick={() => add({ minQty: undefined, price: '' })}>
            {t('catalog.prices.addTier')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
