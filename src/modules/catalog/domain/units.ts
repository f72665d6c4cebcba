export interface UnitInput { name: string; conversion: number; listPriceFen: number; minQty: number; multiple: number; barcode?: string | null }

/**
 * The rules of a SKU's sell units: exactly one base unit (conversion 1, named like the SKU's base unit),
 * every other unit a whole number (≥ 2) of base units, names unique. Returns [path, message] problems.
 */
export function unitProblems(baseUnit: string, units: UnitInput[]): [string, string][] {
  const out: [string, string][] = [];
  const bases = units.filter((u) => u.conversion === 1);
  if (bases.length !== 1) out.push(['units', 'exactly one unit with conversion 1 (the base unit)']);
  else if (bases[0].name !== baseUnit) out.push(['units', `the unit with conversion 1 must be the base unit ${baseUnit}`]);
  const names = new Set<string>();
  const conversions = new Set<number>();
  units.forEach((u, i) => {
    if (names.has(u.name)) out.push([`units.${i}.name`, 'unit names must differ']);
    names.add(u.name);
    if (conversions.has(u.conversion)) out.push([`units.${i}.conversion`, 'two units with the same conversion']);
    conversions.add(u.conversion);
    if (u.minQty % u.multiple !== 0) out.push([`units.${i}.minQty`, 'the minimum order quantity must be a multiple of the order multiple']);
  });
  return out;
}

/** Quantity rule for ordering `qty` of a unit: reason code, or null when fine. */
export function quantityProblem(unit: { minQty: number; multiple: number }, qty: number): 'below_min_qty' | 'not_multiple' | null {
  if (qty < unit.minQty) return 'below_min_qty';
  if (qty % unit.multiple !== 0) return 'not_multiple';
  return null;
}
