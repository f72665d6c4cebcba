import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { customerLevels } from '../customers/customers.tables.js';
import type { ProductCreate } from './catalog.schemas.js';
import { brands, categories, skus, skuUnits, tags } from './catalog.tables.js';
import { isCombination, specsProblem } from './domain/sku-matrix.js';
import { unitProblems } from './domain/units.js';

/** Everything about a product body that the schema alone cannot say; throws one 400 listing every problem. */
export async function validateProduct(tx: Tx, tenantId: string, input: ProductCreate, productId: string | null): Promise<void> {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path: `body.${path}`, message });

  const specProblem = specsProblem(input.specs);
  if (specProblem) add('specs', specProblem);
  const seenCombos = new Set<string>();
  const seenCodes = new Set<string>();
  const seenBarcodes = new Set<string>();
  const barcode = (path: string, value: string | null | undefined) => {
    if (!value) return;
    if (seenBarcodes.has(value)) add(path, 'barcode used twice in this product');
    seenBarcodes.add(value);
  };
  input.skus.forEach((sku, i) => {
    if (!specProblem && !isCombination(input.specs, sku.specValues)) add(`skus.${i}.specValues`, 'not a combination of the product specs');
    const combo = JSON.stringify(sku.specValues);
    if (seenCombos.has(combo)) add(`skus.${i}.specValues`, 'this combination appears twice');
    seenCombos.add(combo);
    if (seenCodes.has(sku.code)) add(`skus.${i}.code`, 'SKU code used twice in this product');
    seenCodes.add(sku.code);
    barcode(`skus.${i}.barcode`, sku.barcode);
    sku.units.forEach((u, j) => barcode(`skus.${i}.units.${j}.barcode`, u.barcode));
    for (const [path, message] of unitProblems(sku.baseUnit, sku.units)) add(`skus.${i}.${path}`, message);
  });

  const missing = async (table: typeof categories | typeof brands | typeof tags | typeof customerLevels, ids: string[], path: string) => {
    if (!ids.length) return;
    const found = await tx.select({ id: table.id }).from(table).where(and(eq(table.tenantId, tenantId), inArray(table.id, ids)));
    for (const id of ids) if (!found.some((f) => f.id === id)) add(path, `unknown id ${id}`);
  };
  await missing(categories, input.categoryId ? [input.categoryId] : [], 'categoryId');
  await missing(brands, input.brandId ? [input.brandId] : [], 'brandId');
  await missing(tags, input.tagIds ?? [], 'tagIds');
  await missing(customerLevels, input.visibleLevelIds, 'visibleLevelIds');

  // Codes and barcodes are unique across the whole catalog (scanners and quick order rely on it).
  const codes = [...seenCodes];
  if (codes.length) {
    const taken = await tx.select({ code: skus.code, productId: skus.productId }).from(skus).where(and(eq(skus.tenantId, tenantId), inArray(skus.code, codes)));
    for (const t of taken) if (t.productId !== productId) add(`skus.${input.skus.findIndex((s) => s.code === t.code)}.code`, `SKU code ${t.code} belongs to another product`);
  }
  const bcs = [...seenBarcodes];
  if (bcs.length) {
    const skuHits = await tx.select({ barcode: skus.barcode, productId: skus.productId }).from(skus).where(and(eq(skus.tenantId, tenantId), inArray(skus.barcode, bcs)));
    const unitHits = await tx.select({ barcode: skuUnits.barcode, productId: skus.productId }).from(skuUnits)
      .innerJoin(skus, and(eq(skus.tenantId, skuUnits.tenantId), eq(skus.id, skuUnits.skuId)))
      .where(and(eq(skuUnits.tenantId, tenantId), or(inArray(skuUnits.barcode, bcs))));
    for (const h of [...skuHits, ...unitHits]) if (h.productId !== productId) add('skus', `barcode ${h.barcode} belongs to another product`);
  }
  if (errors.length) throw new AppError('validation_failed', { message: 'the product is not valid', errors });
}
