/**
 * The 对账单 as an Excel workbook: sheet 对账单 (the customer, the period, opening and closing positions, then one row
 * per line with the running position and a 本期合计 row) and sheet 本期订单. Amounts are numbers in 元 with two
 * decimals, so the customer's spreadsheet can add them up; times are Beijing time.
 */
import ExcelJS from 'exceljs';
import type { Statement } from './statement.service.js';

const yuan = (fen: number) => fen / 100;
const MONEY = '#,##0.00;-#,##0.00';
const cst = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export const LINE_HEADERS = ['日期', '单据号', '类型', '订单号', '借方（应收增加）', '贷方（应收减少）', '应收净额', '预存款变动', '预存款余额', '账期欠款变动', '账期欠款', '未付订单', '到期日', '方式', '备注'];
export const POSITION_HEADERS = ['项目', '预存款余额', '账期欠款', '未付订单', '应收净额'];

const positionRow = (label: string, p: Statement['opening']) => [label, yuan(p.balanceFen), yuan(p.creditUsedFen), yuan(p.ordersDueFen), yuan(p.receivableFen)];

export async function statementWorkbook(s: Statement): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('对账单');
  ws.addRow([`${s.company} 客户对账单`]).font = { bold: true, size: 14 };
  ws.addRow(['客户', `${s.customer.name}（${s.customer.code}）`]);
  ws.addRow(['期间', `${s.from} 至 ${s.to}（北京时间）`]);
  ws.addRow(['说明', '应收净额 = 未付订单 + 账期欠款 − 预存款余额；正数为客户应付，负数为预收']);
  ws.addRow([]);
  ws.addRow(POSITION_HEADERS).font = { bold: true };
  ws.addRow(positionRow('期初', s.opening));
  ws.addRow(positionRow('期末', s.closing));
  ws.addRow([]);
  const header = ws.addRow(LINE_HEADERS);
  header.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.addRow(['期初余额', null, null, null, null, null, yuan(s.opening.receivableFen), null, yuan(s.opening.balanceFen), null, yuan(s.opening.creditUsedFen), yuan(s.opening.ordersDueFen)]);
  for (const l of s.lines) {
    ws.addRow([
      cst(l.at), l.docNo, l.kindName, l.orderNo, l.debitFen ? yuan(l.debitFen) : null, l.creditFen ? yuan(l.creditFen) : null, yuan(l.receivableFen),
      l.balanceDeltaFen ? yuan(l.balanceDeltaFen) : null, yuan(l.balanceFen), l.creditDeltaFen ? yuan(l.creditDeltaFen) : null, yuan(l.creditUsedFen),
      yuan(l.ordersDueFen), l.dueOn, l.methodName, l.note,
    ]);
  }
  ws.addRow(['本期合计', null, null, null, yuan(s.totals.debitFen), yuan(s.totals.creditFen), yuan(s.closing.receivableFen), null, yuan(s.closing.balanceFen), null,
    yuan(s.closing.creditUsedFen), yuan(s.closing.ordersDueFen)]).font = { bold: true };
  [17, 12, 10, 20, 14, 14, 12, 12, 12, 12, 12, 12, 11, 12, 24].forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    if ((i >= 4 && i <= 11) || (i >= 1 && i <= 4)) col.numFmt = MONEY;
  });

  const os = wb.addWorksheet('本期订单', { views: [{ state: 'frozen', ySplit: 1 }] });
  os.addRow(['订单号', '下单时间', '订单金额', '已付金额', '订单状态']).font = { bold: true };
  for (const o of s.orders) os.addRow([o.orderNo, cst(o.submittedAt), yuan(o.totalFen), yuan(o.paidFen), o.statusName]);
  os.addRow(['合计', `${s.totals.orderCount} 单`, yuan(s.totals.ordersFen)]).font = { bold: true };
  [20, 17, 14, 14, 12].forEach((w, i) => { os.getColumn(i + 1).width = w; });
  os.getColumn(3).numFmt = MONEY;
  os.getColumn(4).numFmt = MONEY;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const statementFileName = (s: Statement) => `对账单_${s.customer.name}_${s.from}_${s.to}.xlsx`;
