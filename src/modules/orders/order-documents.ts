import { writeSheet } from '../../platform/spreadsheet.js';
import type { OrderLineRow, OrderRow } from './orders.repository.js';

const yuan = (fen: number) => (fen / 100).toFixed(2);
export const STATUS_ZH: Record<string, string> = {
  pending_approval: '待内部审批', pending_review: '待订单审核', pending_finance: '待财务审核', pending_release: '待出库审核',
  pending_shipment: '待发货确认', pending_receipt: '待收货确认', completed: '已完成', rejected: '已驳回', cancelled: '已取消', voided: '已作废',
};
const cst = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** One order as a spreadsheet: its lines, then the totals. */
export function orderSheet(o: OrderRow, lines: OrderLineRow[]): Promise<Buffer> {
  const rows: (string | number | null)[][] = lines.map((l) => [l.lineNo, l.skuCode, l.productName, l.specText, l.unitName, l.qty, yuan(l.unitPriceFen), yuan(l.amountFen)]);
  rows.push([], [null, null, '订单号', o.orderNo], [null, null, '客户', o.customerName], [null, null, '状态', STATUS_ZH[o.status] ?? o.status],
    [null, null, '商品金额', yuan(o.goodsFen)], [null, null, '运费', yuan(o.shippingFen)], [null, null, '应付总额', yuan(o.totalFen)]);
  return writeSheet(o.orderNo, ['行号', 'SKU编码', '商品', '规格', '单位', '数量', '单价', '金额'], rows, [6, 18, 30, 16, 6, 8, 10, 12]);
}

/** The order queue as a spreadsheet (the current filter). */
export function ordersSheet(list: OrderRow[]): Promise<Buffer> {
  return writeSheet('订单', ['订单号', '下单时间', '客户编码', '客户', '状态', '发货状态', '付款状态', '行数', '数量', '商品金额', '运费', '总额', '下单人'],
    list.map((o) => [o.orderNo, cst(o.submittedAt), o.customerCode, o.customerName, STATUS_ZH[o.status] ?? o.status, o.fulfilmentStatus, o.paymentStatus,
      o.lineCount, o.quantity, yuan(o.goodsFen), yuan(o.shippingFen), yuan(o.totalFen), o.placedByName]),
    [20, 17, 12, 24, 12, 12, 12, 6, 8, 12, 10, 12, 12]);
}

const esc = (s: string | number | null | undefined) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const PRINT_KINDS = ['order', 'picking', 'delivery'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];
const TITLES: Record<PrintKind, string> = { order: '订单', picking: '拣货单', delivery: '发货单' };

/** Print-styled HTML of an order, its picking list (base units, by SKU code) or its delivery note (no prices). */
export function printHtml(kind: PrintKind, o: OrderRow, lines: OrderLineRow[], company: string): string {
  const a = o.address;
  const head = `<h1>${esc(company)} ${TITLES[kind]}</h1>
<table class="meta"><tr><td>订单号：${esc(o.orderNo)}</td><td>下单时间：${esc(cst(o.submittedAt))}</td><td>状态：${esc(STATUS_ZH[o.status])}</td></tr>
<tr><td>客户：${esc(o.customerName)}（${esc(o.customerCode)}）</td><td colspan="2">收货：${esc(a.receiver)} ${esc(a.phone)} ${esc(a.regionText)} ${esc(a.detail)}</td></tr>
${o.remark ? `<tr><td colspan="3">备注：${esc(o.remark)}</td></tr>` : ''}</table>`;
  let body: string;
  if (kind === 'picking') {
    const sorted = [...lines].sort((x, y) => x.skuCode.localeCompare(y.skuCode));
    body = `<table><thead><tr><th>SKU编码</th><th>商品</th><th>规格</th><th>数量</th><th>基本单位数量</th><th>已拣</th></tr></thead><tbody>
${sorted.map((l) => `<tr><td>${esc(l.skuCode)}</td><td>${esc(l.productName)}</td><td>${esc(l.specText)}</td><td>${l.qty} ${esc(l.unitName)}</td><td>${l.baseQty}</td><td class="box"></td></tr>`).join('\n')}
</tbody></table>`;
  } else {
    const priced = kind === 'order';
    body = `<table><thead><tr><th>#</th><th>SKU编码</th><th>商品</th><th>规格</th><th>单位</th><th>数量</th>${priced ? '<th>单价</th><th>金额</th>' : ''}</tr></thead><tbody>
${lines.map((l) => `<tr><td>${l.lineNo}</td><td>${esc(l.skuCode)}</td><td>${esc(l.productName)}</td><td>${esc(l.specText)}</td><td>${esc(l.unitName)}</td><td>${l.qty}</td>${priced ? `<td>${yuan(l.unitPriceFen)}</td><td>${yuan(l.amountFen)}</td>` : ''}</tr>`).join('\n')}
</tbody></table>${priced ? `<p class="sum">商品金额 ¥${yuan(o.goodsFen)} · 运费 ¥${yuan(o.shippingFen)} · 应付总额 <b>¥${yuan(o.totalFen)}</b></p>` : '<p class="sign">收货人签字：__________　日期：__________</p>'}`;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLES[kind]} ${esc(o.orderNo)}</title><style>
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#000}h1{font-size:20px;text-align:center}
table{width:100%;border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #444;padding:4px 6px;text-align:left}
.meta td{border:none;padding:2px 0}.box{width:40px}.sum,.sign{text-align:right;margin-top:12px}
@media print{body{margin:0}@page{size:A4;margin:12mm}}</style></head><body>${head}${body}</body></html>`;
}
