import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx, Operator } from '../platform/auth/actor.js';
import type { Database, Tx } from '../platform/db/database.js';
import { AppError } from '../platform/errors/app-error.js';
import { newId } from '../platform/ids.js';
import type { Sheet } from '../platform/spreadsheet.js';
import { brands, categories, skus } from '../modules/catalog/catalog.tables.js';
import { LEVEL_PREFIX, parseSheet, type ParsedProduct, type RowError } from '../modules/catalog/domain/import-sheet.js';
import { barcodesOf, claimProblems, codesOf, invalid, shapeProblems, type ProductNames } from '../modules/catalog/product-validation.js';
import { insertProducts } from '../modules/catalog/products-bulk.js';
import { byClaimKind, loadClaims, loadDetail, type Claim } from '../modules/catalog/products.repository.js';
import { updateProductTx, withUniqueSkus } from '../modules/catalog/products.service.js';
import { customerLevels } from '../modules/customers/customers.tables.js';
import { upsertLevelPricesTx } from '../modules/pricing/index.js';
import { bodyOf, levelPriceRows, mergeSpecs, rowErrorsOf, toSheetRows } from './import-products.sheet.js';

export { toSheetRows } from './import-products.sheet.js';
export type ImportMode = 'all_or_nothing' | 'valid_rows';
export interface ImportResult { errors: RowError[]; written: boolean; summary: { products: number; created: number; updated: number; skipped: number } }

/** New products written per round of statements (validation, then products, keys, SKUs, units, prices, audit). */
const BATCH = 100;

class Rollback extends Error {}

/**
 * Categories (by path) and brands (by name) found or made during the import, remembered across products. A
 * savepoint that rolls back also undoes what it made, so the caller restores the memory it had before.
 */
function refsOf(tenantId: string) {
  let cats = new Map<string, { id: string; name: string }>();
  let brandIds = new Map<string, string>();
  return {
    snapshot: () => [new Map(cats), new Map(brandIds)] as const,
    restore: ([c, b]: readonly [typeof cats, typeof brandIds]) => { cats = c; brandIds = b; },

    async category(db: Tx, path: string | null): Promise<{ id: string; name: string } | null> {
      if (!path) return null;
      let parent: { id: string; name: string } | null = null;
      let key = '';
      for (const name of path.split(/[/>＞]/).map((s) => s.trim()).filter(Boolean)) {
        key = `${key}/${name}`;
        let hit = cats.get(key);
        if (!hit) {
          const [found] = await db.select({ id: categories.id }).from(categories)
            .where(and(eq(categories.tenantId, tenantId), eq(categories.name, name), parent ? eq(categories.parentId, parent.id) : undefined));
          hit = { id: found?.id ?? newId(), name };
          if (!found) await db.insert(categories).values({ tenantId, id: hit.id, name, parentId: parent?.id ?? null });
          cats.set(key, hit);
        }
        parent = hit;
      }
      return parent;
    },

    async brand(db: Tx, name: string | null): Promise<{ id: string; name: string } | null> {
      if (!name) return null;
      let id = brandIds.get(name);
      if (!id) {
        const [found] = await db.select({ id: brands.id }).from(brands).where(and(eq(brands.tenantId, tenantId), eq(brands.name, name)));
        id = found?.id ?? newId();
        if (!found) await db.insert(brands).values({ tenantId, id, name });
        brandIds.set(name, id);
      }
      return { id, name };
    },
  };
}

/**
 * Imports a product sheet in one transaction. New products are validated and written a batch at a time (one query
 * for the codes and barcodes of the whole batch, then one multi-row statement per table); a product that would
 * update an existing one is written alone, in its own savepoint. One bad product never stops the validation of the
 * rest: its errors are reported against its rows, and with `all_or_nothing` any error rolls the whole file back.
 * A batch the database refuses (a code or barcode taken meanwhile) is rolled back and written again product by
 * product, so the error lands on the product that caused it.
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
  const { tenantId } = ctx;

  try {
    await database.tx(tenantId, async (tx) => {
      const levels = new Map((await tx.select({ id: customerLevels.id, name: customerLevels.name }).from(customerLevels).where(eq(customerLevels.tenantId, tenantId))).map((l) => [l.name, l.id]));
      const unknownLevels = new Set(parsed.products.flatMap((p) => p.skus.flatMap((s) => s.units.flatMap((u) => Object.keys(u.levelPricesFen)))).filter((n) => !levels.has(n)));
      for (const name of unknownLevels) errors.push({ row: 1, column: `${LEVEL_PREFIX}${name}`, message: `没有这个客户等级 / no customer level ${name}` });
      if (unknownLevels.size) throw new Rollback();

      const refs = refsOf(tenantId);
      const codes = parsed.products.flatMap((p) => p.skus.map((s) => s.code));
      const owners = new Map<string, string>();
      for (let i = 0; i < codes.length; i += 1000) {
        const hits = await tx.select({ code: skus.code, productId: skus.productId }).from(skus).where(and(eq(skus.tenantId, tenantId), inArray(skus.code, codes.slice(i, i + 1000))));
        for (const h of hits) owners.set(h.code, h.productId);
      }
      const fail = (p: ParsedProduct, err: AppError) => { errors.push(...rowErrorsOf(err, p)); summary.skipped++; };
      const namesOf = (c: { name: string } | null, b: { name: string } | null): ProductNames => ({ category: c?.name ?? null, brand: b?.name ?? null });

      /** Validates new products together, as validateProduct would one by one (each sees the ones accepted before it), then writes the valid ones. */
      async function createBatch(batch: ParsedProduct[]) {
        if (!batch.length) return;
        const bodies = batch.map((p) => bodyOf(p, null, null));
        const claims = await loadClaims(tx, tenantId, [...new Set(bodies.flatMap(codesOf))], [...new Set(bodies.flatMap(barcodesOf))]);
        const accepted: ParsedProduct[] = [];
        for (const [i, body] of bodies.entries()) {
          // Category and brand need no check: they are found or made below, for the products that pass.
          const problems = [...shapeProblems(body), ...claimProblems(body, null, claims)];
          if (problems.length) { fail(batch[i], invalid(problems)); continue; }
          accepted.push(batch[i]);
          // What this product takes, the ones after it in the batch find taken (kinds stay in loadClaims' order).
          const mine: Claim[] = [
            ...body.skus.map((s) => ({ kind: 'code' as const, value: s.code, productId: `#${i}` })),
            ...body.skus.flatMap((s) => (s.barcode ? [{ kind: 'sku_barcode' as const, value: s.barcode, productId: `#${i}` }] : [])),
            ...body.skus.flatMap((s) => s.units.flatMap((u) => (u.barcode ? [{ kind: 'unit_barcode' as const, value: u.barcode, productId: `#${i}` }] : []))),
          ];
          claims.push(...mine);
          claims.sort(byClaimKind);
        }
        if (!accepted.length) return;
        const before = refs.snapshot();
        try {
          await tx.transaction(async (spTx) => {
            const sp = spTx as unknown as Tx;
            const items = [];
            for (const p of accepted) {
              const c = await refs.category(sp, p.category);
              const b = await refs.brand(sp, p.brand);
              items.push({ input: bodyOf(p, c?.id ?? null, b?.id ?? null), names: namesOf(c, b) });
            }
            const saved = await withUniqueSkus(insertProducts(sp, ctx, items));
            await upsertLevelPricesTx(sp, tenantId, accepted.flatMap((p, i) => levelPriceRows(p, saved[i], levels)));
          });
          summary.created += accepted.length;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          refs.restore(before);
          if (accepted.length === 1) fail(accepted[0], err);
          else for (const p of accepted) await createBatch([p]);
        }
      }

      /** Adds and updates the sheet's SKUs of an existing product; SKUs of the product that the sheet does not mention stay as they are. */
      async function update(p: ParsedProduct, productId: string) {
        const before = refs.snapshot();
        try {
          await tx.transaction(async (spTx) => {
            const sp = spTx as unknown as Tx;
            const c = await refs.category(sp, p.category);
            const b = await refs.brand(sp, p.brand);
            const body = bodyOf(p, c?.id ?? null, b?.id ?? null);
            const prior = (await loadDetail(sp, tenantId, productId))!;
            const untouched = prior.skus.filter((s) => !body.skus.some((x) => x.code === s.code)).map((s) => ({ ...s, units: s.units.map(({ id: _id, ...u }) => u) }));
            const saved = await updateProductTx(sp, ctx, productId, {
              ...body, specs: prior.specs.length ? mergeSpecs(prior.specs, body.specs) : body.specs, descriptionHtml: prior.descriptionHtml,
              instructions: prior.instructions, params: prior.params, skus: [...body.skus, ...untouched],
            }, prior, namesOf(c, b));
            await upsertLevelPricesTx(sp, tenantId, levelPriceRows(p, saved, levels));
          });
          summary.updated++;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          refs.restore(before);
          fail(p, err);
        }
      }

      // Products go in sheet order: a batch of new ones is written before an update or an error that follows it.
      let batch: ParsedProduct[] = [];
      const flush = async () => { await createBatch(batch); batch = []; };
      for (const [i, p] of parsed.products.entries()) {
        if (!batch.length) onProgress(i, parsed.products.length);
        if (p.rows.some((r) => badRows.has(r))) { summary.skipped++; continue; }
        const existing = [...new Set(p.skus.map((s) => owners.get(s.code)).filter((x): x is string => !!x))];
        if (existing.length > 1) {
          await flush();
          errors.push({ row: p.rows[0], column: 'SKU编码', message: '这些SKU属于不同的商品 / these SKUs belong to different products' });
          summary.skipped++;
        } else if (existing[0]) {
          await flush();
          await update(p, existing[0]);
        } else {
          batch.push(p);
          if (batch.length >= BATCH) await flush();
        }
      }
      await flush();
      onProgress(parsed.products.length, parsed.products.length);
      if (mode === 'all_or_nothing' && errors.length) throw new Rollback();
    });
  } catch (err) {
    if (err instanceof Rollback) return { errors, written: false, summary: { ...summary, created: 0, updated: 0 } };
    throw err;
  }
  return { errors, written: true, summary };
}
