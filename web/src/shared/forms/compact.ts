/** Drops empty strings so optional fields are left out of strict request bodies. */
export function compact<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as Partial<T>;
}
