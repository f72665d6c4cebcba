import { systemActor, type Ctx, type SystemActor } from '../platform/auth/actor.js';
import { memoryBlobStore, type BlobStore } from '../platform/storage/blob-store.js';
import { demoImage } from './demo-image.js';
import { createInventoryService } from '../modules/inventory/inventory.service.js';
import { createCatalogModule } from '../modules/catalog/index.js';
import { createPricingService } from '../modules/pricing/index.js';
import { DEMO_BRANDS, DEMO_CATEGORIES, DEMO_PRODUCTS } from './demo-catalog.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Database } from '../platform/db/database.js';
import { addresses } from '../modules/customers/customer-children.js';
import { createCustomersModule } from '../modules/customers/index.js';
import { members } from '../modules/customers/members.service.js';
import { createStaffModule, syncBuiltInRoles } from '../modules/staff/index.js';
import { PERMISSION_CODES } from '../modules/staff/domain/permissions.js';
import { createTenantsService } from '../modules/tenants/tenants.service.js';
import { DEMO_CUSTOMERS, DEMO_LEVELS, DEMO_PASSWORD, DEMO_PENDING, DEMO_REGIONS, DEMO_STAFF, DEMO_TENANT } from './demo-data.js';

export type Progress = (step: string, done: number, total: number) => void;

/** Creates the demo tenant through the same services the API uses, so demo data obeys every rule. */
export async function seedDemo(database: Database, progress: Progress = () => {}, store: BlobStore = memoryBlobStore()) {
  const total = 3 + DEMO_STAFF.length + DEMO_CUSTOMERS.length + 1 + DEMO_PRODUCTS.length + 1;
  let done = 0;
  const step = (name: string) => progress(name, ++done, total);

  const tenant = await createTenantsService(database).create(DEMO_TENANT.slug, DEMO_TENANT.name);
  await database.tx(tenant.id, (tx) => syncBuiltInRoles(tx, tenant.id));
  step('tenant and roles');
  const ctx = { tenantId: tenant.id, actor: systemActor(PERMISSION_CODES, '演示数据 / demo seed') };
  const cm = createCustomersModule(database, { loginRateLimitPerMinute: 1 });
  const sm = createStaffModule(database);

  const region = new Map<string, string>();
  for (const r of DEMO_REGIONS) {
    const created = await cm.reference.addRegion(ctx, { name: r.name, code: r.code, parentId: r.parent ? region.get(r.parent) : null });
    region.set(r.key, created.id);
  }
  step('regions');
  const level = new Map<string, string>();
  for (const l of DEMO_LEVELS) level.set(l.key, (await cm.reference.addLevel(ctx, { name: l.name, rank: l.rank })).id);
  step('customer levels');

  const roleIds = new Map((await sm.roles.list(ctx)).map((r) => [r.code, r.id]));
  const staffIds = new Map<string, string>();
  for (const s of DEMO_STAFF) {
    const created = await sm.staff.create(ctx, {
      name: s.name, username: s.username, password: DEMO_PASSWORD, roleIds: [roleIds.get(s.role)!], regionIds: s.regions.map((k) => region.get(k)!),
    });
    staffIds.set(s.username, created.id);
    step(`staff ${s.username}`);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const c of DEMO_CUSTOMERS) {
    const [first, ...others] = c.members;
    const customer = await cm.customers.create(ctx, {
      name: c.name, type: c.type, levelId: level.get(c.level), regionId: region.get(c.region), salespersonId: c.sales ? staffIds.get(c.sales) : null,
      contactName: c.contact, phone: c.phone, member: { username: first.username, password: DEMO_PASSWORD },
    });
    await database.tx(tenant.id, async (tx) => {
      for (const m of others) {
        await members.create(tx, ctx, customer.id, { name: m.name, username: m.username, password: DEMO_PASSWORD, memberRole: m.role, isAdmin: m.admin }, passwordHash);
      }
      await addresses.add(tx, ctx, customer.id, { receiver: c.contact, phone: c.phone, regionId: region.get(c.region), ...c.address, isDefault: true });
    });
    step(`customer ${c.name}`);
  }

  await cm.registration.register(tenant.id, {
    companyName: DEMO_PENDING.companyName, type: DEMO_PENDING.type, contactName: DEMO_PENDING.contactName, phone: DEMO_PENDING.phone,
    username: DEMO_PENDING.username, password: DEMO_PASSWORD, regionId: region.get(DEMO_PENDING.region),
  });
  step('pending registration');

  const skuIds = await seedCatalog(database, ctx, level, step, store);
  await seedStock(database, ctx, region, skuIds);
  step('warehouses and stock');
  return tenant;
}

/** Two warehouses (上海 serving 华东, 广州 serving 华南) with stock of every demo SKU, booked as inbound receipts. */
async function seedStock(database: Database, ctx: Ctx<SystemActor>, region: Map<string, string>, skuIds: string[]) {
  const inventory = createInventoryService(database);
  const sh = await inventory.createWarehouse(ctx, { code: 'SH01', name: '上海总仓', address: '上海市嘉定区 物流园 8 号', regionIds: [region.get('east')!], priority: 10 });
  const gz = await inventory.createWarehouse(ctx, { code: 'GZ01', name: '广州仓', address: '广州市白云区 仓储路 2 号', regionIds: [region.get('south')!], priority: 20 });
  for (const [i, skuId] of skuIds.entries()) {
    await inventory.adjust(ctx, { warehouseId: sh.id, skuId, delta: 5000 + 100 * i, kind: 'inbound', reason: '期初库存' });
    await inventory.adjust(ctx, { warehouseId: gz.id, skuId, delta: 2000, kind: 'inbound', reason: '期初库存' });
  }
}

async function seedCatalog(database: Database, ctx: Ctx<SystemActor>, level: Map<string, string>, step: (name: string) => void, store: BlobStore): Promise<string[]> {
  const skuIds: string[] = [];
  const catalog = createCatalogModule(database, store);
  const pricing = createPricingService(database);
  const category = new Map<string, string>();
  for (const c of DEMO_CATEGORIES) {
    const [parent, child] = c.path;
    if (!category.has(parent)) category.set(parent, (await catalog.taxonomy.createCategory(ctx, { name: parent })).id);
    category.set(child, (await catalog.taxonomy.createCategory(ctx, { name: child, parentId: category.get(parent) })).id);
  }
  const brand = new Map<string, string>();
  for (const b of DEMO_BRANDS) brand.set(b, (await catalog.taxonomy.createBrand(ctx, { name: b })).id);
  const levelIdByName = new Map(DEMO_LEVELS.map((l) => [l.name as string, level.get(l.key)!]));
  for (const p of DEMO_PRODUCTS) {
    const created = await catalog.products.create(ctx, {
      name: p.name, subtitle: p.subtitle ?? null, categoryId: category.get(p.category), brandId: brand.get(p.brand), specs: p.specs ?? [], params: p.params ?? [],
      descriptionHtml: `<p>${p.subtitle ?? p.name}</p>`, instructions: p.instructions ?? '', onShelf: true, visibleTypes: p.visibleTypes ?? [], visibleLevelIds: [],
      skus: p.skus.map((s) => ({
        code: s.code, barcode: s.barcode ?? null, specValues: s.specValues ?? [], baseUnit: s.baseUnit, costPriceFen: s.cost, weightGrams: s.weight, enabled: true,
        units: s.units.map((u) => ({ name: u.name, conversion: u.conversion, barcode: u.barcode ?? null, listPriceFen: u.price, minQty: u.minQty ?? 1, multiple: u.multiple ?? 1, enabled: true })),
      })),
    });
    await catalog.images.upload(ctx, created.id, await demoImage(p.name, DEMO_PRODUCTS.indexOf(p)));
    skuIds.push(...created.skus.map((s) => s.id));
    for (const sku of created.skus) {
      for (const unit of sku.units) {
        const levelPrices = Object.entries(p.levelPercent ?? {}).map(([name, bp]) => ({ levelId: levelIdByName.get(name)!, mode: 'percent' as const, value: bp, tiers: [] }));
        // Cartons get a quantity break: 10 or more cartons at 3 % off the list price.
        const listTiers = unit.conversion > 1 ? [{ minQty: 10, priceFen: Math.floor((unit.listPriceFen * 97) / 100) }] : [];
        if (levelPrices.length || listTiers.length) await pricing.set(ctx, unit.id, { listTiers, levelPrices, specialPrices: [] });
      }
    }
    step(`product ${p.name}`);
  }
  return skuIds;
}

export function demoLogins(): string[] {
  return [
    ...DEMO_STAFF.map((s) => `  console  ${s.username.padEnd(10)} ${DEMO_PASSWORD}   (${s.role})`),
    ...DEMO_CUSTOMERS.flatMap((c) => c.members.map((m) => `  mall     ${m.username.padEnd(10)} ${DEMO_PASSWORD}   (${c.type}, ${m.role}${m.admin ? ', company admin' : ''})`)),
    `  mall     ${DEMO_PENDING.username.padEnd(10)} ${DEMO_PASSWORD}   (registration awaiting approval: cannot log in until approved)`,
  ];
}
