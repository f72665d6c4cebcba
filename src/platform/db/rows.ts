/** The rows of a raw `tx.execute(sql…)` result (both drivers answer `{ rows }`), typed by the caller. */
export const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
