/** Print views of fulfilment: 拣货单 (one shipment or a batch), 发货单 (delivery note, no prices) and 快递单 (waybill label). */
import { cstText, esc, printPage } from '../../platform/http/print-page.js';
import type { OrderRow } from '../orders/orders.repository.js';
import type { ShipmentRow } from './shipments.repository.js';

export const SHIPMENT_PRINTS = ['picking', 'delivery', 'waybill'] as const;
export type ShipmentPrint = (typeof SHIPMENT_PRINTS)[number];

const addressLine = (o: OrderRow) => `${esc(o.address.receiver)} ${esc(o.address.phone)} ${esc(o.address.regionText)} ${esc(o.address.detail)}`;

function pickTable(rows: { skuCode: string; productName: string; specText: string; baseUnit: string; qty: number; detail?: string }[]) {
  const sorted = [...rows].sort((a, b) => a.skuCode.localeCompare(b.skuCode));
  return `<table><thead><tr><th>SKU编码</th><th>商品</th><th>规格</th><th>数量</th><th>单位</th>${rows.some((r) => r.detail) ? '<th>分配</th>' : ''}<th>已拣</th></tr></thead><tbody>
${sorted.map((r) => `<tr><td>${esc(r.skuCode)}</td><td>${esc(r.productName)}</td><td>${esc(r.specText)}</td><td>${r.qty}</td><td>${esc(r.baseUnit)}</td>${r.detail !== undefined ? `<td>${esc(r.detail)}</td>` : ''}<td class="box"></td></tr>`).join('\n')}
</tbody></table>`;
}

export function shipmentPrint(kind: ShipmentPrint, s: ShipmentRow, o: OrderRow, ctx: { company: string; warehouse: string; phone: string }): string {
  if (kind === 'waybill') {
    return printPage(`快递单 ${s.trackingNo ?? s.shipmentNo}`, `<div class="label">
<div class="carrier">${esc(s.carrierName ?? '待选承运商')}</div>
<div class="no">${esc(s.trackingNo ?? '（未取号）')}</div>
<div class="part"><b>收</b> ${addressLine(o)}</div>
<div class="part"><b>寄</b> ${esc(ctx.company)} ${esc(ctx.phone)} ${esc(ctx.warehouse)}</div>
<div class="part">发货单 ${esc(s.shipmentNo)} · 订单 ${esc(o.orderNo)} · ${s.packages} 件${s.weightGrams ? ` · ${(s.weightGrams / 1000).toFixed(2)} kg` : ''}</div>
<div class="part small">${esc(s.lines.map((l) => `${l.productName}×${l.qty}`).join('，').slice(0, 120))}</div></div>`,
    '.label{width:100mm;min-height:150mm;border:2px solid #000;padding:4mm;box-sizing:border-box}.carrier{font-size:18px;font-weight:bold}.no{font-size:26px;letter-spacing:2px;font-family:monospace;margin:4mm 0;border-bottom:1px dashed #000}.part{margin:3mm 0;font-size:14px}.small{font-size:11px}@media print{@page{size:100mm 150mm;margin:0}}');
  }
  const title = kind === 'picking' ? '拣货单' : '发货单';
  const head = `<h1>${esc(ctx.company)} ${title}</h1>
<table class="meta"><tr><td>发货单号：${esc(s.shipmentNo)}</td><td>订单号：${esc(o.orderNo)}</td><td>仓库：${esc(ctx.warehouse)}</td></tr>
<tr><td>客户：${esc(o.customerName)}（${esc(o.customerCode)}）</td><td colspan="2">收货：${addressLine(o)}</td></tr>
<tr><td>日期：${esc(cstText(s.shippedAt ?? s.createdAt))}</td><td>承运：${esc(s.carrierName ?? '')} ${esc(s.trackingNo ?? '')}</td><td>件数：${s.packages}</td></tr>
${o.remark ? `<tr><td colspan="3">备注：${esc(o.remark)}</td></tr>` : ''}</table>`;
  const sign = kind === 'delivery' ? '<p class="sign">发货人：__________　收货人签字：__________　日期：__________</p>' : '<p class="sign">拣货人：__________　复核：__________</p>';
  return printPage(`${title} ${s.shipmentNo}`, head + pickTable(s.lines) + sign);
}

/** A batched pick list: the SKUs of several shipments summed, with which shipment takes how many. */
export function pickListPrint(p: { pickNo: string; createdAt: Date }, list: { s: ShipmentRow; orderNo: string }[], ctx: { company: string; warehouse: string }): string {
  const by = new Map<string, { skuCode: string; productName: string; specText: string; baseUnit: string; qty: number; parts: string[] }>();
  for (const { s } of list) {
    for (const l of s.lines) {
      const row = by.get(l.skuId) ?? { skuCode: l.skuCode, productName: l.productName, specText: l.specText, baseUnit: l.baseUnit, qty: 0, parts: [] };
      row.qty += l.qty;
      row.parts.push(`${s.shipmentNo}×${l.qty}`);
      by.set(l.skuId, row);
    }
  }
  const head = `<h1>${esc(ctx.company)} 拣货单（合并）</h1>
<table class="meta"><tr><td>拣货单号：${esc(p.pickNo)}</td><td>仓库：${esc(ctx.warehouse)}</td><td>日期：${esc(cstText(p.createdAt))}</td></tr>
<tr><td colspan="3">发货单：${list.map(({ s, orderNo }) => `${esc(s.shipmentNo)}（${esc(orderNo)}）`).join('、')}</td></tr></table>`;
  return printPage(`拣货单 ${p.pickNo}`, head + pickTable([...by.values()].map((r) => ({ ...r, detail: r.parts.join('，') }))) + '<p class="sign">拣货人：__________　复核：__________</p>');
}
