/** Integer fen → "¥37.80". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.5" 元 → 1250 fen; empty or invalid → undefined. */
export function yuanToFen(text: string): number | undefined {
  const s = text.trim();
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return undefined;
  const [int, dec = ''] = s.split('.');
  return Number(int) * 100 + Number(dec.padEnd(2, '0'));
}

/** 1250 fen → "12.5" for an input box. */
export function fenToYuan(fen: number | undefined): string {
  if (fen === undefined) return '';
  return String(fen / 100);
}
