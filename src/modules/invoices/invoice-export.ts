/**
 * 发票导出 for the tax software's batch import (税务 UKey / 开票软件 "Excel 导入"): one row per invoice line — the
 * import's detail row, 商品名称 with its tax-inclusive amount, rate and tax — with the invoice's number and the buyer
 * repeated on each row, so rows of one invoice group by 发票号码. Money in yuan with two decimals, the rate as a
 * fraction (0.13), the amounts tax-inclusive (含税标志 1).
 */
import { desc } from 'drizzle-orm';
import type { Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { writeSheet } from '../../platform/spreadsheet.js';
import { invoiceWhere, linesOf } from './invoices.repository.js';
import type { ListFilters } from './invoices.schemas.js';
import { invoices } from './invoices.tables.js';

export const EXPORT_HEADERS = [
  '发票号码', '发票代码', '发票类型', '开票日期', '状态', '购方名称', '购方税号', '购方地址电话', '购方开户行及账号',
  '商品名称', '订单号', '发货单号', '含税金额', '税率', '税额', '不含税金额', '含税标志', '备注',
];
const WIDTHS = [22, 14, 10, 12, 8, 28, 22, 32, 36, 28, 20, 14, 12, 8, 12, 12, 8, 24];
const MAX_INVOICES = 5_000;

const KIND = { normal: '普票', special: '专票' } as const;
const STATE = { issued: '已开票', voided: '已作废' } as const;
/** Fen as a yuan number with two decimals (12345 → 123.45); exact once the spreadsheet rounds to cents. */
const yuan = (fen: number) => Math.round(fen) / 100;
const joined = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ');

export async function exportInvoices(tx: Tx, tenantId: string, actor: Operator, f: Omit<ListFilters, 'limit' | 'cursor'>): Promise<Buffer> {
  const rows = await tx.select().from(invoices).where(invoiceWhere(tenantId, actor, f)).orderBy(desc(invoices.issueDate), desc(invoices.id)).limit(MAX_INVOICES + 1);
  if (rows.length > MAX_INVOICES) throw new AppError('payload_too_large', { message: `more than ${MAX_INVOICES} invoices match; narrow the dates or filters` });
  const lines = await linesOf(tx, tenantId, rows.map((r) => r.id));
  const out: (string | number | null)[][] = [];
  for (const i of rows) {
    for (const l of lines.get(i.id)!) {
      out.push([
        i.invoiceNo, i.invoiceCode, KIND[i.kind], i.issueDate, STATE[i.status], i.buyer.title, i.buyer.taxNo,
        joined(i.buyer.address, i.buyer.phone), joined(i.buyer.bankName, i.buyer.bankAccount),
        l.description, l.orderNo, l.shipmentNo, yuan(l.amountFen), i.taxRate / 100, yuan(l.taxFen), yuan(l.amountFen - l.taxFen), 1, i.remark,
      ]);
    }
  }
  return writeSheet('发票', EXPORT_HEADERS, out, WIDTHS);
}
