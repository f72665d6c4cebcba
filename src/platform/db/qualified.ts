import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A column as "table"."column". Drizzle writes a bare "column" inside select-list expressions, which in a
 * correlated subquery silently binds to the inner table's column of the same name (p.id instead of products.id).
 */
export const qcol = (column: PgColumn): SQL => sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
