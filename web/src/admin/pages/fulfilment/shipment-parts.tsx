import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ShipmentStatus, TrackingState } from '../../api/fulfilment';

const STATUS_COLORS: Record<ShipmentStatus, string> = { picking: 'orange', packed: 'blue', shipped: 'cyan', delivered: 'green', cancelled: 'default' };
const TRACKING_COLORS: Record<TrackingState, string> = {
  collected: 'blue', in_transit: 'cyan', out_for_delivery: 'geekblue', delivered: 'green', exception: 'red', returned: 'volcano',
};

/** 拣货中 · 已打包 · 已发货 · 已签收 · 已取消 */
export function ShipmentStatusTag({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-testid="shipment-status" data-status={status}>{t(`fulfilment.status.${status}`, { defaultValue: status })}</Tag>;
}

/** 已揽收 · 运输中 · 派送中 · 已签收 · 异常 · 已退回 */
export function TrackingStateTag({ state }: { state: TrackingState }) {
  const { t } = useTranslation();
  return <Tag bordered={false} color={TRACKING_COLORS[state]} data-testid="tracking-state" data-state={state}>{t(`fulfilment.trackingState.${state}`, { defaultValue: state })}</Tag>;
}

/** "可口可乐 330ml 等 2 种，共 6 件" from the lines of a queue row or a shipment. */
export function linesSummary(t: TFunction, lines: { productName: string; qty: number }[]): string {
  const qty = lines.reduce((n, l) => n + l.qty, 0);
  const name = lines[0]?.productName ?? '—';
  return lines.length > 1 ? t('fulfilment.lineSummary', { name, count: lines.length, qty }) : t('fulfilment.lineSingle', { name, qty });
}

/** 1500 g → "1.5 kg". */
export const formatWeight = (grams: number | null) => (grams === null ? '—' : `${Number((grams / 1000).toFixed(3))} kg`);
