import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-db.js';
import { systemActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { createCatalogModule } from '../catalog/index.js';
import { memoryBlobStore } from '../../platform/storage/blob-store.js';
import { customerLevels, customers } from '../customers/customers.tables.js';
import { PERMISSION_CODES } from '../staff/domain/permissions.js';
import { resolvePrice } from './domain/resolve-price.js';
import { unitPriceSql } from './price-sql.js';
import { loadPricing } from './pricing.repository.js';
import { customerPrices, levelPrices, specialPrices } from './pricing.tables.js';

let db: Database;
let tenantId: string;
const UNITS = 40;
const unitIds: string[] = [];
let people: { id: string; levelId: string | null }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  tenantId = (await seedDemo(db)).id;
  const ctx = { tenantId, actor: systemActor(PERMISSION_CODES) };
  const catalog = createCatalogModule(db, memoryBlobStore());
  const lists = fc.sample(fc.integer({ min: 0, max: 10_000_000 }), { numRuns: UNITS, seed: 42 });
  for (const [i, list] of lists.entries()) {
    const p = await catalog.products.create(ctx, { name: `价格一致性 ${i}`, specs: [], params: [], descriptionHtml: '', instructions: '', onShelf: true, visibleTypes: [], visibleLevelIds: [],
      skus: [{ code: `PX-${i}`, specValues: [], baseUnit: '件', costPriceFen: 0, weightGrams: 0, enabled: true, units: [{ name: '件', conversion: 1, listPriceFen: list, minQty: 1, multiple: 1, enabled: true }] }] });
    unitIds.push(p.skus[0].units[0].id);
  }
  await db.tx(tenantId, async (tx) => {
    const levels = (await tx.select({ id: customerLevels.id }).from(customerLevels)).map((l) => l.id);
    people = (await tx.select({ id: customers.id, levelId: customers.levelId }).from(customers));
    const now = Date.now();
    const rnd = fc.sample(fc.record({
      level: fc.option(fc.record({ mode: fc.constantFrom('price' as const, 'percent' as const), value: fc.integer({ min: 0, max: 10_000 }), which: fc.nat(levels.length - 1) }), { nil: null }),
      cust: fc.option(fc.record({ price: fc.integer({ min: 0, max: 10_000_000 }), who: fc.nat(people.length - 1) }), { nil: null }),
      special: fc.option(fc.record({ price: fc.integer({ min: 0, max: 10_000_000 }), active: fc.boolean(), onlyLevel: fc.option(fc.nat(levels.length - 1), { nil: null }) }), { nil: null }),
    }), { numRuns: UNITS, seed: 7 });
    for (const [i, r] of rnd.entries()) {
      const skuUnitId = unitIds[i];
      if (r.level) await tx.insert(levelPrices).values({ tenantId, skuUnitId, levelId: levels[r.level.which], mode: r.level.mode, value: r.level.mode === 'percent' ? r.level.value : r.level.value * 100 });
      if (r.cust) await tx.insert(customerPrices).values({ tenantId, skuUnitId, customerId: people[r.cust.who].id, priceFen: r.cust.price });
      if (r.special) {
        const start = r.special.active ? now - 3_600_000 : now + 3_600_000;
        await tx.insert(specialPrices).values({ tenantId, id: `SP${i}`, skuUnitId, priceFen: r.special.price, startsAt: new Date(start), endsAt: new Date(start + 7_200_000), levelIds: r.special.onlyLevel === null ? [] : [levels[r.special.onlyLevel]] });
      }
    }
  });
});
afterAll(async () => { await db?.close(); });

describe('price in SQL', () => {
  it('agrees with resolvePrice at quantity 1 for every customer, guests included, on generated price sheets', async () => {
    const viewers = [null, ...people];
    let compared = 0;
    for (const viewer of viewers) {
      const rows = await db.tx(tenantId, (tx) => tx.execute(sql`select u.id, ${unitPriceSql({ id: sql`u.id`, listPriceFen: sql`u.list_price_fen` }, viewer)}::bigint as price
        from sku_units u where u.tenant_id = ${tenantId}`)) as unknown as { rows: { id: string; price: string }[] };
      const pricing = await db.tx(tenantId, (tx) => loadPricing(tx, tenantId, unitIds, viewer?.id ?? null));
      const now = new Date();
      for (const id of unitIds) {
        const expected = resolvePrice(pricing.get(id)!, 1, viewer, now).unitPriceFen;
        expect(Number(rows.rows.find((r) => r.id === id)!.price), `${id} for ${viewer?.id ?? 'guest'}`).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBe(UNITS * viewers.length);
  });
});
