import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx, Operator } from '../platform/auth/actor.js';
import type { Database, Tx } from '../platform/db/database.js';
import { AppError } from '../platform/errors/app-error.js';
import { newId } from '../platform/ids.js';
import type { Sheet } from '../platform/spreadsheet.js';
import { brands, categories, skus } from '../modules/catalog/catalog.tables.js';
import type { ProductCreate } from '../modules/catalog/catalog.schemas.js';
import { COLUMNS, LEVEL_PREFIX, parseSheet, type ColumnKey, type ParsedProduct, type RowError, type SheetRow } from '../modules/catalog/domain/import-sheet.js';
import { createProductTx, updateProductTx } from '../modules/catalog/products.service.js';
import { loadDetail } from '../modules/catalog/products.repository.js';
import { customerLevels } from '../modules/customers/customers.tables.js';
import { upsertLevelPriceTx } from '../modules/pricing/index.js';

export type ImportMode = 'all_or_nothing' | 'valid_rows';
export interface ImportResult { errors: RowError[]; written: boolean; summary: { products: number; created: number; updated: number; skipped: number } }

class Rollback extends Error {}

/** Header titles → column keys and level columns; a missing required column is an error on row 1. */
export function toSheetRows(sheet: Sheet): { rows: SheetRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const index = new Map(sheet.headers.map((h, i) => [h.replace(/\*$/, '').trim(), i]));
  for (const c of COLUMNS) if ('required' in c && c.required && !index.has(c.title)) errors.push({ row: 1, column: c.title, message: '缺少必需的列 / required column missing' });
  const levelCols = sheet.headers.map((h, i) => [h.trim(), i] as const).filter(([h]) => h.startsWith(LEVEL_PREFIX));
  const rows = sheet.rows.map((r) => ({
    row: r.row,
    values: Object.fromEntries(COLUMNS.filter((c) => index.has(c.title)).map((c) => [c.key, r.cells[index.get(c.title)!]])) as Partial<Record<ColumnKey, string>>,
    levelPrices: Object.fromEntries(levelCols.map(([h, i]) => [h.slice(LEVEL_PREFIX.length), r.cells[i]])),
  }));
  return { rows, errors };
}

async function ensureCategory(tx: Tx, tenantId: string, path: string, cache: Map<string, string>): Promise<string> {
  let parent: string | null = null;
  let key = '';
  for (const name of path.split(/[/>＞]/).map((s) => s.trim()).filter(Boolean)) {
    key = `${key}/${name}`;
    let id = cache.get(key);
    if (!id) {
      const [found] = await tx.select({ id: categories.id }).from(categories)
        .where(and(eq(categories.tenantId, tenantId), eq(categories.name, name), parent ? eq(categories.parentId, parent) : undefined));
      id = found?.id ?? newId();
      if (!found) await tx.insert(categories).values({ tenantId, id, name, parentId: parent });
      cache.set(key, id);
    }
    parent = id;
  }
  return parent!;
}

async function ensureBrand(tx: Tx, tenantId: string, name: string, cache: Map<string, string>): Promise<string> {
  const hit = cache.get(name);
  if (hit) return hit;
  const [found] = await tx.select({ id: brands.id }).from(brands).where(and(eq(brands.tenantId, tenantId), eq(brands.name, name)));
  const id = found?.id ?? newId();
  if (!found) await tx.insert(brands).values({ tenantId, id, name });
  cache.set(name, id);
  return id;
}

function bodyOf(p: ParsedProduct, categoryId: string | null, brandId: string | null): ProductCreate {
  return {
    name: p.name, subtitle: p.subtitle, categoryId, brandId, specs: p.specs, params: [], descriptionHtml: '', instructions: '', onShelf: p.onShelf,
    visibleTypes: [], visibleLevelIds: [],
    skus: p.skus.map((s) => ({
      code: s.code, barcode: s.barcode, specValues: s.specValues, baseUnit: s.baseUnit, costPriceFen: s.costPriceFen, weightGrams: s.weightGrams, enabled: true,
      units: s.units.map((u) => ({ name: u.name, conversion: u.conversion, barcode: u.barcode, listPriceFen: u.listPriceFen, minQty: u.minQty, multiple: u.multiple, enabled: true })),
    })),
  };
}

/** Service errors of one product, pinned to its sheet rows (the SKU's row when the path names a SKU). */
function rowErrorsOf(err: AppError, p: ParsedProduct): RowError[] {
  const list = err.errors?.length ? err.errors : [{ path: 'body', message: err.message }];
  return list.map((e) => {
    const m = /^body\.skus\.(\d+)/.exec(e.path);
    const sku = m ? p.skus[Number(m[1])] : undefined;
    const row = sku ? p.rows[p.skus.slice(0, Number(m![1])).reduce((n, s) => n + s.units.length, 0)] ?? p.rows[0] : p.rows[0];
    return { row, column: e.path.replace(/^body\./, ''), message: e.message };
  });
}

/**
 * Imports a product sheet in one transaction. Every product is written in its own savepoint so one bad product
 * does not stop the validation of the rest; with `all_or_nothing` any error rolls the whole file back.
 */
export async function importProducts(database: Database, ctx: Ctx<Operator>, sheet: Sheet, mode: ImportMode, onProgress: (done: number, total: number) => void): Promise<ImportResult> {
  const head = toSheetRows(sheet);
  const parsed = parseSheet(head.rows);
  const errors: RowError[] = [...head.errors, ...parsed.errors];
  const summary = { products: parsed.products.length, created: 0, updated: 0, skipped: 0 };
  if (head.errors.length || (mode === 'all_or_nothing' && errors.length)) return { errors, written: false, summary };
  const badRows = new Set(parsed.errors.map((e) => e.row));
  // Products whose every row failed never formed a product: they are skipped too.
  const formed = new Set(parsed.products.map((p) => p.name));
  summary.skipped = new Set(head.rows.filter((r) => badRows.has(r.row) && r.values.name && !formed.has(r.values.name)).map((r) => r.values.name)).size;

  try {
    await database.tx(ctx.tenantId, async (tx) => {
      const levels = new Map((await tx.select({ id: customerLevels.id, name: customerLevels.name }).from(customerLevels).where(eq(customerLevels.tenantId, ctx.tenantId))).map((l) => [l.name, l.id]));
      const unknownLevels = new Set(parsed.products.flatMap((p) => p.skus.flatMap((s) => s.units.flatMap((u) => Object.keys(u.levelPricesFen)))).filter((n) => !levels.has(n)));
      for (const name of unknownLevels) errors.push({ row: 1, column: `${LEVEL_PREFIX}${name}`, message: `没有这个客户等级 / no customer level ${name}` });
      if (unknownLevels.size) throw new Rollback();

      const catCache = new Map<string, string>();
      const brandCache = new Map<string, string>();
      const codes = parsed.products.flatMap((p) => p.skus.map((s) => s.code));
      const owners = new Map<string, string>();
      for (let i = 0; i < codes.length; i += 1000) {
        const hits = await tx.select({ code: skus.code, productId: skus.productId }).from(skus).where(and(eq(skus.tenantId, ctx.tenantId), inArray(skus.code, codes.slice(i, i + 1000))));
        for (const h of hits) owners.set(h.code, h.productId);
      }

      for (const [i, p] of parsed.products.entries()) {
        onProgress(i, parsed.products.length);
        if (p.rows.some((r) => badRows.has(r))) { summary.skipped++; continue; }
        const existing = [...new Set(p.skus.map((s) => owners.get(s.code)).filter((x): x is string => !!x))];
        if (existing.length > 1) {
          errors.push({ row: p.rows[0], column: 'SKU编码', message: '这些SKU属于不同的商品 / these SKUs belong to different products' });
          summary.skipped++;
          continue;
        }
        try {
          await tx.transaction(async (sp) => {
            const categoryId = p.category ? await ensureCategory(sp as unknown as Tx, ctx.tenantId, p.category, catCache) : null;
            const brandId = p.brand ? await ensureBrand(sp as unknown as Tx, ctx.tenantId, p.brand, brandCache) : null;
            const body = bodyOf(p, categoryId, brandId);
            let saved;
            if (existing[0]) {
              const before = (await loadDetail(sp as unknown as Tx, ctx.tenantId, existing[0]))!;
              // Import adds and updates; SKUs of the product that the sheet does not mention stay as they are.
              const untouched = before.skus.filter((s) => !body.skus.some((b) => b.code === s.code)).map((s) => ({ ...s, units: s.units.map(({ id: _id, ...u }) => u) }));
              saved = await updateProductTx(sp as unknown as Tx, ctx, existing[0], { ...body, specs: before.specs.length ? mergeSpecs(before.specs, body.specs) : body.specs, descriptionHtml: before.descriptionHtml, instructions: before.instructions, params: before.params, skus: [...body.skus, ...untouched] }, before);
              summary.updated++;
            } else {
              saved = await createProductTx(sp as unknown as Tx, ctx, body);
              summary.created++;
            }
            for (const s of p.skus) for (const u of s.units) for (const [level, fen] of Object.entries(u.levelPricesFen)) {
              const unitId = saved.skus.find((x) => x.code === s.code)!.units.find((x) => x.name === u.name)!.id;
              await upsertLevelPriceTx(sp as unknown as Tx, ctx.tenantId, unitId, levels.get(level)!, fen);
            }
          });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          errors.push(...rowErrorsOf(err, p));
          summary.skipped++;
        }
      }
      onProgress(parsed.products.length, parsed.products.length);
      if (mode === 'all_or_nothing' && errors.length) throw new Rollback();
    });
  } catch (err) {
    if (err instanceof Rollback) return { errors, written: false, summary: { ...summary, created: 0, updated: 0 } };
    throw err;
  }
  return { errors, written: true, summary };
}

function mergeSpecs(a: { name: string; values: string[] }[], b: { name: string; values: string[] }[]) {
  const out = a.map((s) => ({ name: s.name, values: [...s.values] }));
  for (const s of b) {
    const hit = out.find((o) => o.name === s.name);
    if (hit) for (const v of s.values) { if (!hit.values.includes(v)) hit.values.push(v); }
    else out.push({ name: s.name, values: [...s.values] });
  }
  return out;
}
