/** 调拨单 print view: both warehouses, the lines in base units, and signatures for the one who sends and the one who receives. */
import { cstText, esc, printPage } from '../../platform/http/print-page.js';
import type { stockTransfers } from './inventory.tables.js';

const STATUS: Record<string, string> = { draft: '草稿', in_transit: '在途', received: '已入库', cancelled: '已取消' };

export function transferPrint(t: typeof stockTransfers.$inferSelect, names: { from: string; to: string; company: string }): string {
  const head = `<h1>${esc(names.company)} 调拨单</h1>
<table class="meta"><tr><td>调拨单号：${esc(t.transferNo)}</td><td>状态：${esc(STATUS[t.status] ?? t.status)}</td><td>制单：${esc(t.createdBy)} ${esc(cstText(t.createdAt))}</td></tr>
<tr><td>调出仓库：${esc(names.from)}</td><td>调入仓库：${esc(names.to)}</td><td>${t.shippedAt ? `发出：${esc(cstText(t.shippedAt))}` : ''}${t.receivedAt ? ` 收到：${esc(cstText(t.receivedAt))}` : ''}</td></tr>
${t.remark ? `<tr><td colspan="3">备注：${esc(t.remark)}</td></tr>` : ''}</table>`;
  const rows = t.lines.map((l, i) => `<tr><td>${i + 1}</td><td>${esc(l.skuCode ?? l.skuId)}</td><td>${esc(l.productName ?? '')}</td><td>${l.qty}</td><td>${esc(l.baseUnit ?? '')}</td><td class="box"></td></tr>`).join('\n');
  return printPage(`调拨单 ${t.transferNo}`, `${head}<table><thead><tr><th>#</th><th>SKU编码</th><th>商品</th><th>数量</th><th>单位</th><th>实收</th></tr></thead><tbody>
${rows}</tbody></table><p class="sign">调出人：__________　运输：__________　调入人：__________</p>`);
}
