import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { XLSX, download } from '../../platform/http/downloads.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { agingExportQuery, agingOut, agingQuery, creditControlOut, statementOut, statementQuery, summaryOut, summaryQuery } from './finance.schemas.js';
import type { RecordQueries } from './records.queries.js';
import type { ReceivablesService } from './receivables.service.js';
import type { StatementService } from './statement.service.js';
import { statementFileName, statementWorkbook } from './statement.xlsx.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['finance reports'];
const file = { 200: z.any().describe('xlsx file'), ...errors };

/** 对账单, 应收账款账龄, 信用控制 and the monthly income/expense summary (finance.reports). */
export function adminReportRoutes(deps: { statements: StatementService; receivables: ReceivablesService; records: RecordQueries }) {
  const { statements, receivables, records } = deps;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = staffRoute('finance.reports');

    r.get('/finance/statements', { config: read, schema: { tags, summary: '对账单: a customer\'s opening position, every order document and ledger row of the period [from, to] (China calendar days) with the running position, the closing position and the orders placed', querystring: statementQuery, response: { 200: statementOut, ...errors } } },
      async (req) => statements.forCustomer(operatorCtx(req), req.query));
    r.get('/finance/statements/export', { config: read, schema: { tags, summary: 'The same statement as xlsx', querystring: statementQuery, produces: [XLSX], response: file } },
      async (req, reply) => {
        const s = await statements.forCustomer(operatorCtx(req), req.query);
        return reply.type(XLSX).headers(download(statementFileName(s))).send(await statementWorkbook(s));
      });
    r.get('/finance/receivables', { config: read, schema: { tags, summary: '应收账款账龄: per customer, unpaid order amounts (by order day) and outstanding credit (by due day) in 0–30 / 31–60 / 61–90 / 90+ day buckets, with totals; sortable', querystring: agingQuery, response: { 200: agingOut, ...errors } } },
      async (req) => receivables.aging(operatorCtx(req), req.query));
    r.get('/finance/receivables/export', { config: read, schema: { tags, summary: 'The aging table as xlsx (the current filter and sort, with a totals row)', querystring: agingExportQuery, produces: [XLSX], response: file } },
      async (req, reply) => {
        const { asOf, file: body } = await receivables.agingSheet(operatorCtx(req), req.query);
        return reply.type(XLSX).headers(download(`应收账款账龄_${asOf}.xlsx`)).send(body);
      });
    r.get('/finance/credit-control', { config: read, schema: { tags, summary: '信用控制: customers over their credit limit or with credit past its due day, worst first', response: { 200: creditControlOut, ...errors } } },
      async (req) => receivables.creditControl(operatorCtx(req)));
    r.get('/finance/summary', { config: read, schema: { tags, summary: 'Per month (YYYY-MM, at most 36): money received from customers less refunds paid out, other income and expenses (收支记录)', querystring: summaryQuery, response: { 200: summaryOut, ...errors } } },
      async (req) => records.summary(operatorCtx(req), req.query));
  };
}
