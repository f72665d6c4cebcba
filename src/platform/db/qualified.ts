import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A column as "table"."column". Drizzle writes a bare "column" inside select-list expressions, which in a
 * correlated subquery silently binds to the inner table's column of the same name (p.id instead of products.id).
 */
export const qcol = (column: PgColumn): SQL => sql.raw(`"${getTableName(column.table)}"."${column.name}"`);

/**
 * `column = any($n::text[])`: drizzle's inArray writes one parameter per value, so every list length is a different
 * statement text that cannot be kept prepared (database.ts); this is one text for any length.
 */
export const anyOf = (column: PgColumn, values: readonly string[]): SQL => sql`${column} = any(${sql.param([...values])}::text[])`;
