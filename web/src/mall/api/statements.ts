import { api } from '../../shared/api/client';
import type { Statement } from '../../shared/api/statement';

export type { Statement, StatementLine, Position } from '../../shared/api/statement';

export const MY_STATEMENT = '/mall/finance/statement';
/** The xlsx of my statement (a plain link: the browser downloads it with the session cookie). */
export const statementExportUrl = (from: string, to: string) => `/api/v1${MY_STATEMENT}/export?from=${from}&to=${to}`;
export const statementApi = { get: (from: string, to: string) => api.get<Statement>(MY_STATEMENT, { from, to }) };
