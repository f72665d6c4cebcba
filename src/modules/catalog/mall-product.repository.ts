import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { ParamRow, SpecDef } from './catalog.tables.js';

export interface MallProductRow {
  id: string; name: string; subtitle: string | null; brandName: string | null; categoryId: string | null; categoryName: string | null;
  specs: SpecDef[]; params: ParamRow[]; descriptionHtml: string; instructions: string; stockPolicy: 'block' | 'backorder' | 'preorder';
  tagIds: string[]; images: { id: string; width: number; height: number }[];
  /** False when the company keeps no stock (no active warehouse): then `available` is null. */
  tracked: boolean;
  favourite: boolean;
  /** Enabled SKUs in display order, each with its enabled units (smallest first) and its sellable stock over active warehouses. */
  skus: {
    id: string; code: string; barcode: string | null; specValues: string[]; baseUnit: string; available: number | null;
    units: { id: string; name: string; conversion: number; barcode: string | null; minQty: number; multiple: number }[];
  }[];
}

/**
 * Everything a mall product page shows except prices, in one statement: the product with its brand and category,
 * tags, images, enabled SKUs and units, stock per SKU, and whether this member keeps it as a favourite. `visible`
 * restricts it to what the viewer may see (on `products`, unaliased); null when the product is not there for them.
 */
export async function loadMallProduct(tx: Tx, tenantId: string, id: string, visible: SQL, memberId: string | null): Promise<MallProductRow | null> {
  const [row] = rowsOf<MallProductRow>(await tx.execute(sql`
    select products.id, products.name, products.subtitle, b.name as "brandName", products.category_id as "categoryId", c.name as "categoryName",
      products.specs, products.params, products.description_html as "descriptionHtml", products.instructions, products.stock_policy as "stockPolicy",
      exists (select 1 from warehouses w where w.tenant_id = products.tenant_id and w.active) as tracked,
      exists (select 1 from favourites f where f.tenant_id = products.tenant_id and f.member_id = ${memberId ?? ''} and f.product_id = products.id) as favourite,
      coalesce((select json_agg(t.tag_id order by t.tag_id) from product_tags t where t.tenant_id = products.tenant_id and t.product_id = products.id), '[]') as "tagIds",
      coalesce((select json_agg(json_build_object('id', i.id, 'width', i.width, 'height', i.height) order by i.sort, i.id)
        from product_images i where i.tenant_id = products.tenant_id and i.product_id = products.id), '[]') as images,
      coalesce((select json_agg(json_build_object('id', s.id, 'code', s.code, 'barcode', s.barcode, 'specValues', s.spec_values, 'baseUnit', s.base_unit,
          'available', (select coalesce(sum(greatest(sl.on_hand - sl.reserved - sl.safety_stock, 0)), 0) from stock_levels sl
            join warehouses w on w.tenant_id = sl.tenant_id and w.id = sl.warehouse_id and w.active where sl.tenant_id = s.tenant_id and sl.sku_id = s.id),
          'units', coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name, 'conversion', u.conversion, 'barcode', u.barcode,
              'minQty', u.min_qty, 'multiple', u.multiple) order by u.conversion, u.id)
            from sku_units u where u.tenant_id = s.tenant_id and u.sku_id = s.id and u.enabled), '[]')) order by s.sort, s.id)
        from skus s where s.tenant_id = products.tenant_id and s.product_id = products.id and s.enabled), '[]') as skus
    from products
    left join categories c on c.tenant_id = products.tenant_id and c.id = products.category_id
    left join brands b on b.tenant_id = products.tenant_id and b.id = products.brand_id
    where products.tenant_id = ${tenantId} and products.id = ${id} and ${visible}`));
  if (!row) return null;
  if (!row.tracked) for (const s of row.skus) s.available = null;
  else for (const s of row.skus) s.available = Number(s.available);
  return row;
}
