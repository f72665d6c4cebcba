import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { idempotencyKeyOf } from '../../platform/http/idempotency.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import type { CategoriesService } from './categories.service.js';
import { categoryBody, categoryOut, categoryPatch, recordBody, recordListQuery, recordOut, recordTotalsOut, recordTotalsQuery, voidBody } from './finance.schemas.js';
import type { RecordQueries } from './records.queries.js';
import type { RecordsService } from './records.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['finance records'];

/** 收支记录 and 收支类别: read with finance.reports, written with finance.expenses. */
export function adminRecordRoutes(deps: { categories: CategoriesService; records: RecordsService; queries: RecordQueries }) {
  const { categories, records, queries } = deps;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = staffRoute('finance.reports');
    const write = staffRoute('finance.expenses');

    r.get('/finance/categories', { config: read, schema: { tags, summary: '收支类别: income and expense categories (the defaults are created on first use)', response: { 200: z.object({ items: z.array(categoryOut) }), ...errors } } },
      async (req) => categories.list(operatorCtx(req)));
    r.post('/finance/categories', { config: write, schema: { tags, summary: 'Add a category; a name taken in its direction → 409 duplicate', body: categoryBody, response: { 201: categoryOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await categories.create(operatorCtx(req), req.body)));
    r.patch('/finance/categories/:id', { config: write, schema: { tags, summary: 'Rename, reorder or switch a category on or off (never deleted: records name it)', params: idParams, body: categoryPatch, response: { 200: categoryOut, ...errors } } },
      async (req) => categories.update(operatorCtx(req), req.params.id, req.body));

    r.get('/finance/records', { config: read, schema: { tags, summary: '收支记录, newest day first; filter by direction, category, days, status (default active) and text', querystring: recordListQuery, response: { 200: z.object({ items: z.array(recordOut), nextCursor: z.string().nullable() }), ...errors } } },
      async (req) => queries.list(operatorCtx(req), req.query));
    r.get('/finance/records/totals', { config: read, schema: { tags, summary: 'Totals of the records of a filter: income, expense, by category and by month', querystring: recordTotalsQuery, response: { 200: recordTotalsOut, ...errors } } },
      async (req) => queries.totals(operatorCtx(req), req.query));
    r.post('/finance/records', { config: write, schema: { tags, summary: 'Record an income or expense (its direction is its category\'s); Idempotency-Key header required', body: recordBody, response: { 201: recordOut, ...errors } } },
      async (req, reply) => {
        const res = await records.record(operatorCtx(req), idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof recordOut>);
      });
    r.post('/finance/records/:id/void', { config: write, schema: { tags, summary: 'Void a record with a reason (records are never deleted); voiding twice → 409 finance_record_voided', params: idParams, body: voidBody, response: { 200: recordOut, ...errors } } },
      async (req) => records.void(operatorCtx(req), req.params.id, req.body));
  };
}
