import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import type { SkuIn } from './catalog.schemas.js';
import { skus, skuUnits } from './catalog.tables.js';
import type { UnitDetail, WrittenSku } from './product-detail.js';
import { newSku, newUnit, skuValues, unitValues, type SkuRow, type UnitRow } from './product-rows.js';

/** Rows per multi-row INSERT of products and audit rows: well under PostgreSQL's 65,535 parameters. */
export const ROWS_PER_INSERT = 1000;

/**
 * New SKUs, then their units (the units point at them): one INSERT each for any number of products, the rows passed
 * as one array per column (a few parameters instead of ten per row: building a statement of thousands of parameters
 * cost the import more than running it). Spec values travel as JSON, one text[] per row not being an array column.
 */
export async function insertSkuRows(tx: Tx, skuRows: SkuRow[], unitRows: UnitRow[]) {
  if (skuRows.length) {
    const col = <T>(pick: (r: SkuRow) => T) => sql.param(skuRows.map(pick));
    await tx.execute(sql`insert into skus (tenant_id, id, product_id, code, barcode, spec_values, cost_price_fen, weight_grams, base_unit, enabled, sort)
      select a.tenant_id, a.id, a.product_id, a.code, a.barcode,
        array(select v from jsonb_array_elements_text(a.spec_values) with ordinality as x(v, n) order by n), a.cost_price_fen, a.weight_grams, a.base_unit, a.enabled, a.sort
      from unnest(${col((r) => r.tenantId)}::text[], ${col((r) => r.id)}::text[], ${col((r) => r.productId)}::text[], ${col((r) => r.code)}::text[],
        ${col((r) => r.barcode ?? null)}::text[], ${col((r) => JSON.stringify(r.specValues ?? []))}::jsonb[], ${col((r) => r.costPriceFen ?? 0)}::bigint[],
        ${col((r) => r.weightGrams ?? 0)}::int[], ${col((r) => r.baseUnit)}::text[], ${col((r) => r.enabled ?? true)}::bool[], ${col((r) => r.sort ?? 0)}::int[])
        as a(tenant_id, id, product_id, code, barcode, spec_values, cost_price_fen, weight_grams, base_unit, enabled, sort)`);
  }
  if (unitRows.length) {
    const col = <T>(pick: (r: UnitRow) => T) => sql.param(unitRows.map(pick));
    await tx.execute(sql`insert into sku_units (tenant_id, id, sku_id, name, conversion, barcode, list_price_fen, min_qty, multiple, enabled)
      select * from unnest(${col((r) => r.tenantId)}::text[], ${col((r) => r.id)}::text[], ${col((r) => r.skuId)}::text[], ${col((r) => r.name)}::text[],
        ${col((r) => r.conversion)}::int[], ${col((r) => r.barcode ?? null)}::text[], ${col((r) => r.listPriceFen)}::bigint[], ${col((r) => r.minQty ?? 1)}::int[],
        ${col((r) => r.multiple ?? 1)}::int[], ${col((r) => r.enabled ?? true)}::bool[])`);
  }
}

const unitDetail = (u: typeof skuUnits.$inferSelect): UnitDetail => ({
  id: u.id, name: u.name, conversion: u.conversion, barcode: u.barcode, listPriceFen: Number(u.listPriceFen), minQty: u.minQty, multiple: u.multiple, enabled: u.enabled,
});

/**
 * Creates or updates the SKUs of an existing product: a SKU is matched by code, a unit by name; what is gone is
 * disabled, never deleted (orders point at it). Changed rows are updated one by one, new ones inserted together.
 * Returns every SKU of the product as written.
 */
export async function writeSkus(tx: Tx, tenantId: string, productId: string, list: SkuIn[]): Promise<WrittenSku[]> {
  const existing = await tx.select().from(skus).where(and(eq(skus.tenantId, tenantId), eq(skus.productId, productId)));
  const units = existing.length ? await tx.select().from(skuUnits).where(and(eq(skuUnits.tenantId, tenantId), inArray(skuUnits.skuId, existing.map((e) => e.id)))) : [];
  const out: WrittenSku[] = [];
  const skuRows: SkuRow[] = [];
  const unitRows: UnitRow[] = [];
  const goneUnits: string[] = [];
  const kept = new Set<string>();
  for (const [sort, s] of list.entries()) {
    const prior = existing.find((e) => e.code === s.code);
    if (!prior) {
      const made = newSku(tenantId, productId, s, sort);
      skuRows.push(made.row);
      unitRows.push(...made.unitRows);
      out.push(made.written);
      continue;
    }
    kept.add(prior.id);
    const values = skuValues(s, sort);
    await tx.update(skus).set(values).where(and(eq(skus.tenantId, tenantId), eq(skus.id, prior.id)));
    const mine = units.filter((u) => u.skuId === prior.id);
    const written: UnitDetail[] = [];
    for (const u of s.units) {
      const same = mine.find((x) => x.name === u.name);
      if (!same) {
        const made = newUnit(tenantId, prior.id, u);
        unitRows.push(made.row);
        written.push(made.written);
        continue;
      }
      const v = unitValues(u);
      await tx.update(skuUnits).set(v).where(and(eq(skuUnits.tenantId, tenantId), eq(skuUnits.id, same.id)));
      written.push({ id: same.id, name: same.name, ...v });
    }
    for (const x of mine.filter((x) => !s.units.some((u) => u.name === x.name))) {
      goneUnits.push(x.id);
      written.push({ ...unitDetail(x), enabled: false });
    }
    out.push({ id: prior.id, code: s.code, ...values, units: written });
  }
  const goneSkus = existing.filter((e) => !kept.has(e.id));
  for (const e of goneSkus) {
    out.push({
      id: e.id, code: e.code, specValues: e.specValues, barcode: e.barcode, costPriceFen: Number(e.costPriceFen), weightGrams: e.weightGrams, baseUnit: e.baseUnit,
      enabled: false, sort: e.sort, units: units.filter((u) => u.skuId === e.id).map(unitDetail),
    });
  }
  await insertSkuRows(tx, skuRows, unitRows);
  if (goneUnits.length) await tx.update(skuUnits).set({ enabled: false }).where(and(eq(skuUnits.tenantId, tenantId), inArray(skuUnits.id, goneUnits)));
  if (goneSkus.length) await tx.update(skus).set({ enabled: false }).where(and(eq(skus.tenantId, tenantId), inArray(skus.id, goneSkus.map((e) => e.id))));
  return out;
}
