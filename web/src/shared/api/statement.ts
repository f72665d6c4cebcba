/** 对账单 as both apps read it (GET /admin/finance/statements, GET /mall/finance/statement). */
/** A customer's position: 预存款余额, 账期欠款, 未付订单 and 应收净额 (= 未付订单 + 账期欠款 − 预存款余额). */
export interface Position { balanceFen: number; creditUsedFen: number; ordersDueFen: number; receivableFen: number }

export interface StatementLine extends Position {
  id: string; at: string; day: string; kind: string; kindName: string; docNo: string | null; orderId: string | null; orderNo: string | null;
  method: string | null; methodName: string | null; amountFen: number; dueOn: string | null; note: string | null;
  debitFen: number; creditFen: number; balanceDeltaFen: number; creditDeltaFen: number; ordersDueDeltaFen: number;
}

export interface Statement {
  company: string; customer: { id: string; code: string; name: string }; from: string; to: string; timeZone: string; generatedAt: string;
  opening: Position; closing: Position; totals: { debitFen: number; creditFen: number; ordersFen: number; orderCount: number };
  lines: StatementLine[];
  orders: { id: string; orderNo: string; submittedAt: string; totalFen: number; paidFen: number; status: string; statusName: string }[];
}

