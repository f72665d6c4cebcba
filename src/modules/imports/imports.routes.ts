import { XLSX, download } from '../../platform/http/downloads.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParam, idParams } from '../../platform/http/schemas.js';
import type { ProductsService } from '../catalog/products.service.js';
import type { ImportsService } from './imports.service.js';
import { exportProducts, productTemplate } from './product-sheet-export.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 413: problemSchema, 415: problemSchema };
const tags = ['import and export'];
const rowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
const jobOut = z.object({
  id: z.string(), kind: z.string(), mode: z.enum(['all_or_nothing', 'valid_rows']), status: z.enum(['queued', 'validating', 'importing', 'done', 'rejected', 'failed']),
  fileName: z.string(), totalRows: z.number().int(), progress: z.object({ processed: z.number().int(), total: z.number().int() }),
  errorCount: z.number().int(), errors: z.array(rowError), summary: z.record(z.string(), z.number()), createdAt: z.string(), finishedAt: z.string().nullable(),
}).meta({ id: 'ImportJob' });

export function importRoutes(deps: { database: Database; imports: ImportsService; products: ProductsService }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const xlsxOut = { 200: z.any().describe('xlsx file'), ...errors };

    r.get('/products/import-template.xlsx', { config: staffRoute('catalog.write'), schema: { tags, summary: 'Download the product import template', produces: [XLSX], response: xlsxOut } },
      async (req, reply) => reply.type(XLSX).headers(download('商品导入模板.xlsx')).send(await productTemplate(deps.database, operatorCtx(req).tenantId)));

    r.get('/products/export.xlsx', {
      config: staffRoute('catalog.read'),
      schema: { tags, summary: 'Export the products of the current filter (same columns as the import)', produces: [XLSX],
        querystring: z.strictObject({ q: z.string().trim().max(100).optional(), categoryId: idParam.optional(), brandId: idParam.optional(), onShelf: z.enum(['true', 'false']).optional() }), response: xlsxOut },
    }, async (req, reply) => reply.type(XLSX).headers(download('商品导出.xlsx')).send(await exportProducts(deps.database, deps.products, operatorCtx(req), req.query)));

    r.post('/imports/products', {
      config: staffRoute('catalog.write'),
      schema: { tags, summary: 'Import products from .xlsx or .csv (multipart: file, mode = all_or_nothing | valid_rows); answers 202 with the job to poll', consumes: ['multipart/form-data'], response: { 202: jobOut, ...errors } },
    }, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', { message: 'send the spreadsheet as multipart/form-data in a field named "file"' });
      let mode: 'all_or_nothing' | 'valid_rows' = 'all_or_nothing';
      let file: { name: string; data: Buffer } | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'file') file = { name: part.filename, data: await part.toBuffer() };
        else if (part.fieldname === 'mode') {
          if (part.value !== 'all_or_nothing' && part.value !== 'valid_rows') throw new AppError('validation_failed', { message: 'mode must be all_or_nothing or valid_rows', errors: [{ path: 'body.mode', message: 'invalid' }] });
          mode = part.value;
        }
      }
      if (!file) throw new AppError('validation_failed', { message: 'no file', errors: [{ path: 'body.file', message: 'required' }] });
      if (!/\.(xlsx|csv)$/i.test(file.name)) throw new AppError('unsupported_media_type', { message: 'upload an .xlsx or .csv file' });
      return reply.status(202).send(await deps.imports.startProducts(operatorCtx(req), file.name, file.data, mode));
    });

    r.get('/imports/:id', { config: staffRoute('catalog.write'), schema: { tags, summary: 'Progress and outcome of an import', params: idParams, response: { 200: jobOut, ...errors } } },
      async (req) => deps.imports.get(operatorCtx(req), req.params.id));
    r.get('/imports/:id/report.xlsx', { config: staffRoute('catalog.write'), schema: { tags, summary: 'Every row error of an import as a spreadsheet', produces: [XLSX], params: idParams, response: xlsxOut } },
      async (req, reply) => reply.type(XLSX).headers(download('导入错误报告.xlsx')).send(await deps.imports.report(operatorCtx(req), req.params.id)));
  };
}
