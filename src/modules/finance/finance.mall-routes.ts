import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { XLSX, download } from '../../platform/http/downloads.js';
import { memberCtx, memberRoute } from '../../platform/http/route-auth.js';
import { myStatementQuery, statementOut } from './finance.schemas.js';
import type { StatementService } from './statement.service.js';
import { statementFileName, statementWorkbook } from './statement.xlsx.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['mall finance'];

/** My company's 对账单, as JSON and as xlsx. */
export function mallStatementRoutes(statements: StatementService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const reader = memberRoute();
    r.get('/finance/statement', { config: reader, schema: { tags, summary: 'My statement of account (对账单) for [from, to] (China calendar days): opening, every line with the running position, closing, the orders placed', querystring: myStatementQuery, response: { 200: statementOut, ...errors } } },
      async (req) => statements.mine(memberCtx(req), req.query));
    r.get('/finance/statement/export', { config: reader, schema: { tags, summary: 'My statement as xlsx', querystring: myStatementQuery, produces: [XLSX], response: { 200: z.any().describe('xlsx file'), ...errors } } },
      async (req, reply) => {
        const s = await statements.mine(memberCtx(req), req.query);
        return reply.type(XLSX).headers(download(statementFileName(s))).send(await statementWorkbook(s));
      });
  };
}
