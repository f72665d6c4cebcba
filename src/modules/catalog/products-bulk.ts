import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { recordAudits } from '../audit/audit.js';
import type { ProductCreate } from './catalog.schemas.js';
import { products, productTags } from './catalog.tables.js';
import { buildSearchText } from './domain/search-text.js';
import { sanitizeDescription } from './html.js';
import { writtenDetail, type ProductDetail } from './product-detail.js';
import { newSku, productValues, searchInputOf } from './product-rows.js';
import type { ProductNames } from './product-validation.js';
import { writeSearchKeysMany } from './search/search-keys.repository.js';
import { insertSkuRows, ROWS_PER_INSERT } from './sku-writes.js';

/** A validated body to create, with its brand's and category's names (from validation). */
export interface NewProduct { input: ProductCreate; names: ProductNames }

/**
 * Creates products that passed validation, inside the caller's transaction: their rows, search text and
 * autocomplete keys, SKUs, units, tags and one audit row each, in a handful of multi-row statements whatever their
 * number (one product from the editor, a batch from the Excel import). Answers their details, built from what was
 * written (nothing is read back). A unique-key race surfaces as the driver's error; callers map it.
 */
export async function insertProducts(tx: Tx, ctx: Ctx<Operator>, list: NewProduct[]): Promise<ProductDetail[]> {
  const { tenantId } = ctx;
  const made = list.map(({ input, names }) => {
    const id = newId();
    const search = searchInputOf(input, names);
    const skus = input.skus.map((s, sort) => newSku(tenantId, id, s, sort));
    return { id, input, names, search, skus, descriptionHtml: sanitizeDescription(input.descriptionHtml), tagIds: [...new Set(input.tagIds ?? [])] };
  });
  const stamps = new Map<string, { version: number; updatedAt: Date }>();
  for (let i = 0; i < made.length; i += ROWS_PER_INSERT) {
    const rows = made.slice(i, i + ROWS_PER_INSERT).map((m) => ({ tenantId, id: m.id, ...productValues(m.input, m.descriptionHtml, buildSearchText(m.search)) }));
    for (const r of await tx.insert(products).values(rows).returning({ id: products.id, version: products.version, updatedAt: products.updatedAt })) stamps.set(r.id, r);
  }
  await writeSearchKeysMany(tx, tenantId, made.map((m) => ({ productId: m.id, input: m.search })));
  await insertSkuRows(tx, made.flatMap((m) => m.skus.map((s) => s.row)), made.flatMap((m) => m.skus.flatMap((s) => s.unitRows)));
  const tagRows = made.flatMap((m) => m.tagIds.map((tagId) => ({ tenantId, productId: m.id, tagId })));
  if (tagRows.length) await tx.insert(productTags).values(tagRows);
  const details = made.map((m) => writtenDetail({
    id: m.id, ...stamps.get(m.id)!, input: m.input, descriptionHtml: m.descriptionHtml, names: m.names,
    skus: m.skus.map((s) => s.written), tagIds: m.tagIds, images: [],
  }));
  await recordAudits(tx, ctx, details.map((after) => ({ action: 'product.create', entityType: 'product', entityId: after.id, after })));
  return details;
}
