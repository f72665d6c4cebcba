import { z } from 'zod';
import { idParam, isoDate } from '../../platform/http/schemas.js';

const fen = z.number().int('amounts are integer fen').min(0).max(100_000_000_00);
export const tierIn = z.strictObject({ minQty: z.number().int().min(2).max(1_000_000), priceFen: fen });
const tiers = z.array(tierIn).max(20).default([]);

/** The whole price sheet of one sell unit except customer prices (those are set per customer). */
export const unitPricesIn = z.strictObject({
  listTiers: tiers,
  levelPrices: z.array(z.strictObject({
    levelId: idParam,
    mode: z.enum(['price', 'percent']),
    /** fen for 'price'; basis points of the list price for 'percent' (9000 = 90 %), at most 100 %. */
    value: z.number().int().min(0),
    tiers,
  })).max(50).default([]),
  specialPrices: z.array(z.strictObject({ priceFen: fen, startsAt: isoDate, endsAt: isoDate, levelIds: z.array(idParam).max(50).default([]) })).max(20).default([]),
});
export const customerPriceIn = z.strictObject({ priceFen: fen, tiers });
export const bulkLevelPricesIn = z.strictObject({
  levelId: idParam,
  /** New level price = base × basisPoints / 10000, rounded half up to whole fen. */
  base: z.enum(['list', 'cost']),
  basisPoints: z.number().int().min(0).max(100_000),
  productIds: z.array(idParam).max(5000).optional(),
  categoryId: idParam.optional(),
});

const tierOut = z.object({ minQty: z.number().int(), priceFen: z.number().int() });
export const unitPricesOut = z.object({
  skuUnitId: z.string(),
  listPriceFen: z.number().int(),
  listTiers: z.array(tierOut),
  levelPrices: z.array(z.object({ levelId: z.string(), mode: z.enum(['price', 'percent']), value: z.number().int(), tiers: z.array(tierOut) })),
  customerPrices: z.array(z.object({ customerId: z.string(), priceFen: z.number().int(), tiers: z.array(tierOut) })),
  specialPrices: z.array(z.object({ priceFen: z.number().int(), startsAt: z.string(), endsAt: z.string(), levelIds: z.array(z.string()) })),
}).meta({ id: 'UnitPrices' });

export type UnitPricesIn = z.infer<typeof unitPricesIn>;
