import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { customerLevels } from '../customers/customers.tables.js';
import type { ProductCreate } from './catalog.schemas.js';
import { brands, categories, tags } from './catalog.tables.js';
import { isCombination, specsProblem } from './domain/sku-matrix.js';
import { unitProblems } from './domain/units.js';
import { loadClaims, type Claim } from './products.repository.js';

/** The names search indexes a product under; known once its brand and category are found. */
export interface ProductNames { brand: string | null; category: string | null }

export const codesOf = (input: ProductCreate) => [...new Set(input.skus.map((s) => s.code))];
export const barcodesOf = (input: ProductCreate) =>
  [...new Set(input.skus.flatMap((s) => [s.barcode, ...s.units.map((u) => u.barcode)]).filter((b): b is string => !!b))];

/** What the body alone says is wrong (specs, combinations, codes and barcodes twice in it, units); no I/O. */
export function shapeProblems(input: ProductCreate): FieldError[] {
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
  return errors;
}

/**
 * Codes and barcodes of the body that another product holds (`claims`: from loadClaims, codes first, then SKU
 * barcodes, then unit barcodes). Codes and barcodes are unique across the whole catalog (scanners and quick order
 * rely on it).
 */
export function claimProblems(input: ProductCreate, productId: string | null, claims: Claim[]): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Set(input.skus.map((s) => s.code));
  const barcodes = new Set(barcodesOf(input));
  for (const c of claims) {
    if (c.productId === productId) continue;
    if (c.kind === 'code' && codes.has(c.value)) errors.push({ path: `body.skus.${input.skus.findIndex((s) => s.code === c.value)}.code`, message: `SKU code ${c.value} belongs to another product` });
    else if (c.kind !== 'code' && barcodes.has(c.value)) errors.push({ path: 'body.skus', message: `barcode ${c.value} belongs to another product` });
  }
  return errors;
}

export const invalid = (errors: FieldError[]) => new AppError('validation_failed', { message: 'the product is not valid', errors });

/**
 * Everything about a product body that the schema alone cannot say; throws one 400 listing every problem, else
 * answers its brand's and category's names. `known`: names of a brand and category the caller has just found or
 * made (the import), so they are not looked up again.
 */
export async function validateProduct(tx: Tx, tenantId: string, input: ProductCreate, productId: string | null, known?: ProductNames): Promise<ProductNames> {
  const errors = shapeProblems(input);
  const names: ProductNames = { brand: known?.brand ?? null, category: known?.category ?? null };
  const lookup = async (table: typeof categories | typeof brands | typeof tags | typeof customerLevels, ids: string[], path: string) => {
    if (!ids.length) return [];
    const found = await tx.select({ id: table.id, name: table.name }).from(table).where(and(eq(table.tenantId, tenantId), inArray(table.id, ids)));
    for (const id of ids) if (!found.some((f) => f.id === id)) errors.push({ path: `body.${path}`, message: `unknown id ${id}` });
    return found;
  };
  if (!known) {
    names.category = (await lookup(categories, input.categoryId ? [input.categoryId] : [], 'categoryId'))[0]?.name ?? null;
    names.brand = (await lookup(brands, input.brandId ? [input.brandId] : [], 'brandId'))[0]?.name ?? null;
  }
  await lookup(tags, input.tagIds ?? [], 'tagIds');
  await lookup(customerLevels, input.visibleLevelIds, 'visibleLevelIds');
  errors.push(...claimProblems(input, productId, await loadClaims(tx, tenantId, codesOf(input), barcodesOf(input))));
  if (errors.length) throw invalid(errors);
  return names;
}
