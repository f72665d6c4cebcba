import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { writeSheet } from '../../platform/spreadsheet.js';
import { brands, categories, products as productTable } from '../catalog/catalog.tables.js';
import { COLUMNS, LEVEL_PREFIX } from '../catalog/domain/import-sheet.js';
import { loadSkus } from '../catalog/products.repository.js';
import type { ProductsService } from '../catalog/products.service.js';
import { customerLevels } from '../customers/customers.tables.js';
import { loadPricing } from '../pricing/index.js';
import { percentOf } from '../pricing/domain/money.js';

const yuan = (fen: number) => (fen / 100).toFixed(2);

function categoryPath(all: { id: string; parentId: string | null; name: string }[], id: string | null): string {
  const names: string[] = [];
  for (let cur = all.find((c) => c.id === id); cur && names.length < 10; cur = all.find((c) => c.id === cur!.parentId)) names.unshift(cur.name);
  return names.join('/');
}

/** The template and the export share the import's columns, so an exported file can be edited and imported back. */
export async function productTemplate(database: Database, tenantId: string): Promise<Buffer> {
  const levels = await database.tx(tenantId, (tx) => tx.select({ name: customerLevels.name }).from(customerLevels).where(eq(customerLevels.tenantId, tenantId)).orderBy(customerLevels.rank));
  const headers = [...COLUMNS.map((c) => ('required' in c && c.required ? `${c.title}*` : c.title)), ...levels.map((l) => `${LEVEL_PREFIX}${l.name}`)];
  const example = [
    ['可口可乐 330ml', '经典口味', '饮料/碳酸饮料', '可口可乐', '口味:原味', 'KO-330-YW', '6901234567892', '罐', '罐', 1, '', '3.50', '2.10', 1, 1, 350, '是', ...levels.map(() => '')],
    ['可口可乐 330ml', '经典口味', '饮料/碳酸饮料', '可口可乐', '口味:原味', 'KO-330-YW', '6901234567892', '罐', '箱', 24, '16901234567899', '80.00', '', 1, 1, 350, '是', ...levels.map(() => '')],
  ];
  return writeSheet('商品导入模板', headers, example);
}

export async function exportProducts(database: Database, products: ProductsService, ctx: Ctx<Operator>, filter: { q?: string; categoryId?: string; brandId?: string; onShelf?: 'true' | 'false' }): Promise<Buffer> {
  const ids: string[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await products.list(ctx, { ...filter, limit: 200, cursor });
    ids.push(...page.items.map((p) => p.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return database.tx(ctx.tenantId, async (tx) => {
    const levels = await tx.select({ id: customerLevels.id, name: customerLevels.name }).from(customerLevels).where(eq(customerLevels.tenantId, ctx.tenantId)).orderBy(customerLevels.rank);
    const cats = await tx.select({ id: categories.id, parentId: categories.parentId, name: categories.name }).from(categories).where(eq(categories.tenantId, ctx.tenantId));
    const brandRows = await tx.select({ id: brands.id, name: brands.name }).from(brands).where(eq(brands.tenantId, ctx.tenantId));
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const prods = await tx.select().from(productTable).where(and(eq(productTable.tenantId, ctx.tenantId), inArray(productTable.id, chunk)));
      const skuRows = await loadSkus(tx, ctx.tenantId, chunk);
      const pricing = await loadPricing(tx, ctx.tenantId, skuRows.flatMap((s) => s.units.map((u) => u.id)));
      for (const p of prods) {
        for (const s of skuRows.filter((x) => x.productId === p.id && x.enabled)) {
          for (const u of s.units.filter((x) => x.enabled)) {
            const lp = pricing.get(u.id)?.levelPrices ?? [];
            rows.push([
              p.name, p.subtitle ?? '', categoryPath(cats, p.categoryId), brandRows.find((b) => b.id === p.brandId)?.name ?? '',
              s.specValues.map((v, k) => `${p.specs[k]?.name ?? ''}:${v}`).join(';'), s.code, s.barcode ?? '', s.baseUnit, u.name, u.conversion,
              u.barcode ?? '', yuan(u.listPriceFen), yuan(Number(s.costPriceFen)), u.minQty, u.multiple, s.weightGrams, p.onShelf ? '是' : '否',
              ...levels.map((l) => {
                const hit = lp.find((x) => x.levelId === l.id);
                return hit ? yuan(hit.mode === 'price' ? hit.value : percentOf(u.listPriceFen, hit.value)) : '';
              }),
            ]);
          }
        }
      }
    }
    return writeSheet('商品', [...COLUMNS.map((c) => c.title), ...levels.map((l) => `${LEVEL_PREFIX}${l.name}`)], rows);
  });
}
