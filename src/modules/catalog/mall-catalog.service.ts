import { stockView } from '../inventory/availability.js';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { anyOf, qcol } from '../../platform/db/qualified.js';
import type { Actor, MemberActor } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors/app-error.js';
import { customers } from '../customers/customers.tables.js';
import { loadPricing, resolvePrice, type PriceCustomer } from '../pricing/index.js';
import { fromPriceWithListSql } from '../pricing/price-sql.js';
import { readSettings } from '../settings/settings.service.js';
import type { TenantSettings } from '../settings/settings.schema.js';
import { noReadCache, type ReadCache } from '../../platform/cache/read-cache.js';
import { brands, categories, favourites, products } from './catalog.tables.js';
import { descendantsOf } from './domain/category-tree.js';
import { pgTrigramSearch, visibleTo } from './search/pg-trigram-search.js';
import type { ProductSearchEngine, SearchViewer } from './search/product-search.port.js';
import { loadMallProduct } from './mall-product.repository.js';

/** Who is looking at the mall: a member's company (type, level) or a guest. */
interface Viewer { customer: (PriceCustomer & { type: string }) | null; guestPrices: boolean }

export interface SearchQuery {
  limit: number; cursor?: string; q?: string; categoryId?: string; brandId?: string; tagId?: string;
  minPriceFen?: number; maxPriceFen?: number; sort: 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'sales'; inStock?: 'true' | 'false';
}



/**
 * Product cards in the given order, with the viewer's own "from" price (and the list price of the unit giving it),
 * in one statement from the precomputed from-prices (pricing/price-sql.ts).
 */
async function cards(tx: Tx, tenantId: string, viewer: Viewer, ids: string[]) {
  if (!ids.length) return [];
  const showPrice = !!viewer.customer || viewer.guestPrices;
  const rows = await tx.select({ id: products.id, name: products.name, subtitle: products.subtitle, brandName: brands.name, salesCount: products.salesCount,
    imageId: sql<string | null>`(select i.id from product_images i where i.tenant_id = ${qcol(products.tenantId)} and i.product_id = ${qcol(products.id)} order by i.sort, i.id limit 1)`,
    price: showPrice ? sql<{ priceFen: number; listPriceFen: number } | null>`${fromPriceWithListSql(qcol(products.id), viewer.customer)}` : sql<null>`null` })
    .from(products).leftJoin(brands, and(eq(brands.tenantId, products.tenantId), eq(brands.id, products.brandId)))
    .where(and(eq(products.tenantId, tenantId), anyOf(products.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined).map((p) => ({ ...p, salesCount: Number(p.salesCount) }));
}

const searchViewer = (v: Viewer): SearchViewer => ({ customer: v.customer, pricesShown: !!v.customer || v.guestPrices });

export function createMallCatalogService(database: Database, opts: { engine?: ProductSearchEngine; cache?: ReadCache } = {}) {
  const engine = opts.engine ?? pgTrigramSearch;
  const cache = opts.cache ?? noReadCache;
  /** The settings and the viewer's company change rarely and are read by every mall page: kept a few seconds. */
  const settingsOf = (tx: Tx, tenantId: string) => cache.get(tenantId, 'settings', async () => (await readSettings(tx, tenantId)).settings);

  async function viewerOf(tx: Tx, tenantId: string, actor: Actor | null): Promise<Viewer & { settings: TenantSettings }> {
    const settings = await settingsOf(tx, tenantId);
    if (actor?.kind !== 'member') return { customer: null, guestPrices: settings.guestPriceMode === 'list', settings };
    const customer = await cache.get(tenantId, `customer:${actor.customerId}`, async () => {
      const [c] = await tx.select({ id: customers.id, levelId: customers.levelId, type: customers.type }).from(customers)
        .where(and(eq(customers.tenantId, tenantId), eq(customers.id, actor.customerId)));
      return c;
    });
    return { customer, guestPrices: false, settings };
  }

  return {
    categories: (tenantId: string) => database.tx(tenantId, (tx) =>
      tx.select({ id: categories.id, parentId: categories.parentId, name: categories.name, icon: categories.icon }).from(categories)
        .where(eq(categories.tenantId, tenantId)).orderBy(categories.sort, categories.id)),

    async search(tenantId: string, actor: Actor | null, q: SearchQuery) {
      return database.tx(tenantId, async (tx) => {
        const viewer = await viewerOf(tx, tenantId, actor);
        let categoryIds: string[] | undefined;
        if (q.categoryId) {
          const all = await cache.get(tenantId, 'category-parents', () =>
            tx.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.tenantId, tenantId)));
          categoryIds = descendantsOf(new Map(all.map((c) => [c.id, c.parentId])), q.categoryId);
        }
        const offset = q.cursor ? Number(q.cursor) : 0;
        const found = await engine.search(tx, tenantId, searchViewer(viewer), {
          term: q.q, categoryIds, brandId: q.brandId, tagId: q.tagId, minPriceFen: q.minPriceFen, maxPriceFen: q.maxPriceFen, inStock: q.inStock === 'true', sort: q.sort, offset, limit: q.limit,
        });
        return { items: await cards(tx, tenantId, viewer, found.ids), nextCursor: found.more ? String(offset + q.limit) : null, facets: found.facets };
      });
    },

    async suggest(tenantId: string, actor: Actor | null, term: string) {
      return database.tx(tenantId, async (tx) => engine.suggest(tx, tenantId, searchViewer(await viewerOf(tx, tenantId, actor)), term, 10));
    },

    /** A member's favourites, newest first, with their own prices; products no longer visible are left out. */
    async favourites(tenantId: string, actor: MemberActor) {
      return database.tx(tenantId, async (tx) => {
        const viewer = await viewerOf(tx, tenantId, actor);
        const rows = await tx.select({ id: favourites.productId }).from(favourites)
          .innerJoin(products, and(eq(products.tenantId, favourites.tenantId), eq(products.id, favourites.productId)))
          .where(and(eq(favourites.tenantId, tenantId), eq(favourites.memberId, actor.id), visibleTo(searchViewer(viewer))))
          .orderBy(desc(favourites.createdAt)).limit(200);
        return cards(tx, tenantId, viewer, rows.map((r) => r.id));
      });
    },

    async setFavourite(tenantId: string, actor: MemberActor, productId: string, on: boolean) {
      return database.tx(tenantId, async (tx) => {
        if (!on) {
          await tx.delete(favourites).where(and(eq(favourites.tenantId, tenantId), eq(favourites.memberId, actor.id), eq(favourites.productId, productId)));
          return;
        }
        const viewer = await viewerOf(tx, tenantId, actor);
        const [p] = await tx.select({ id: products.id }).from(products).where(and(eq(products.tenantId, tenantId), eq(products.id, productId), visibleTo(searchViewer(viewer))));
        if (!p) throw notFound('product');
        await tx.insert(favourites).values({ tenantId, memberId: actor.id, productId }).onConflictDoNothing();
      });
    },

    async product(tenantId: string, actor: Actor | null, id: string) {
      return database.tx(tenantId, async (tx) => {
        const viewer = await viewerOf(tx, tenantId, actor);
        const d = await loadMallProduct(tx, tenantId, id, visibleTo(searchViewer(viewer)), actor?.kind === 'member' ? actor.id : null);
        if (!d) throw notFound('product');
        const pricing = await loadPricing(tx, tenantId, d.skus.flatMap((s) => s.units.map((u) => u.id)), viewer.customer?.id ?? null);
        const now = new Date();
        const showPrice = !!viewer.customer || viewer.guestPrices;
        const exact = viewer.settings.stockDisplay === 'exact';
        return {
          id: d.id, name: d.name, subtitle: d.subtitle, brandName: d.brandName, categoryId: d.categoryId, categoryName: d.categoryName,
          specs: d.specs, params: d.params, descriptionHtml: d.descriptionHtml, instructions: d.instructions, images: d.images, tagIds: d.tagIds,
          favourite: d.favourite,
          skus: d.skus.map((s) => ({
            id: s.id, code: s.code, barcode: s.barcode, specValues: s.specValues, baseUnit: s.baseUnit,
            stock: { ...stockView(s.available ?? undefined, d.tracked, exact), policy: d.stockPolicy },
            units: s.units.map((u) => {
              const p = pricing.get(u.id)!;
              const base = showPrice ? resolvePrice(p, u.minQty, viewer.customer, now) : null;
              // The tier table shows what this customer pays at each break of the winning price source.
              const breaks = showPrice ? [...new Set([...p.listTiers, ...p.levelPrices.flatMap((l) => l.tiers), ...p.customerPrices.flatMap((c) => c.tiers)].map((t) => t.minQty))]
                .filter((q) => q > u.minQty).sort((a, b) => a - b) : [];
              const tiers = breaks.map((minQty) => ({ minQty, priceFen: resolvePrice(p, minQty, viewer.customer, now).unitPriceFen }))
                .filter((t, i, all) => t.priceFen < (i === 0 ? base!.unitPriceFen : all[i - 1].priceFen));
              return {
                id: u.id, name: u.name, conversion: u.conversion, barcode: u.barcode, minQty: u.minQty, multiple: u.multiple,
                price: base ? { priceFen: base.unitPriceFen, listPriceFen: base.listPriceFen, source: base.source } : null, tiers,
              };
            }),
          })),
        };
      });
    },
  };
}

export type MallCatalogService = ReturnType<typeof createMallCatalogService>;
