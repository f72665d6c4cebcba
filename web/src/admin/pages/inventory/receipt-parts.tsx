import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReceiptStatus, StocktakeStatus } from '../../api/inventory';

const RECEIPT_COLORS: Record<ReceiptStatus, string> = { draft: 'default', confirmed: 'green', cancelled: 'red' };
const STOCKTAKE_COLORS: Record<StocktakeStatus, string> = { counting: 'blue', confirmed: 'green', cancelled: 'red' };

/** 草稿 · 已入库 · 已取消 */
export function ReceiptStatusTag({ status }: { status: ReceiptStatus }) {
  const { t } = useTranslation();
  return <Tag color={RECEIPT_COLORS[status]} data-testid="receipt-status">{t(`inventory.receipt.status.${status}`)}</Tag>;
}

/** 盘点中 · 已确认 · 已取消 */
export function StocktakeStatusTag({ status }: { status: StocktakeStatus }) {
  const { t } = useTranslation();
  return <Tag color={STOCKTAKE_COLORS[status]} data-testid="stocktake-status">{t(`inventory.stocktake.status.${status}`)}</Tag>;
}

/** A signed difference: +3, -2, 0. */
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
