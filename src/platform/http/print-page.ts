/** Shared bits of the print views (打印): HTML escaping, China-time stamps and the A4 page frame. */
export const esc = (v: string | number | null | undefined) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "2026-11-25 14:03" in China Standard Time (UTC+8), the time printed documents carry. */
export const cstText = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function printPage(title: string, body: string, css = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#000}h1{font-size:20px;text-align:center}
table{width:100%;border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #444;padding:4px 6px;text-align:left}
.meta td{border:none;padding:2px 0}.box{width:40px}.sum,.sign{text-align:right;margin-top:12px}
@media print{body{margin:0}@page{size:A4;margin:12mm}}${css}</style></head><body>${body}</body></html>`;
}
