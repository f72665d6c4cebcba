import type { OrderAddress } from '../../api/orders';

/** 收货人 电话 地区 详细地址, on one line. */
export function formatAddress(a: Partial<OrderAddress> | null | undefined): string {
  if (!a) return '—';
  return [a.receiver, a.phone, a.regionText, a.detail].filter(Boolean).join(' ') || '—';
}

/** Tax rate in basis points as a percent: 1300 → "13%". */
export function formatRate(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}
