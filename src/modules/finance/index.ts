/**
 * Finance reports (issue 6): 对账单, 应收账款账龄, 信用控制 — queries over the payments module's ledger and the
 * orders, never writing them — and 收支记录 (other income and expenses) with their categories.
 */
import type { Database } from '../../platform/db/database.js';
import { createCategoriesService } from './categories.service.js';
import { adminReportRoutes } from './finance.admin-routes.js';
import { mallStatementRoutes } from './finance.mall-routes.js';
import { adminRecordRoutes } from './finance.records-routes.js';
import { createReceivablesService } from './receivables.service.js';
import { createRecordQueries } from './records.queries.js';
import { createRecordsService } from './records.service.js';
import { createStatementService } from './statement.service.js';

export function createFinanceModule(database: Database) {
  const statements = createStatementService(database);
  const receivables = createReceivablesService(database);
  const categories = createCategoriesService(database);
  const records = createRecordsService(database);
  const queries = createRecordQueries(database);
  return {
    statements, receivables, categories, records, queries,
    adminRoutes: async (app: import('fastify').FastifyInstance) => {
      await app.register(adminReportRoutes({ statements, receivables, records: queries }));
      await app.register(adminRecordRoutes({ categories, records, queries }));
    },
    mallRoutes: mallStatementRoutes(statements),
  };
}
