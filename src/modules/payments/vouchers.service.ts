/**
 * 付款凭证: transfer vouchers uploaded by customers. Like product images (catalog/images.service.ts) every upload
 * is decoded, so only a real image passes whatever it claims to be, and re-encoded (metadata and any payload
 * dropped); the bytes live in the blob store, the row says whose it is.
 */
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Ctx, MemberActor, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { paymentVouchers } from './payments.tables.js';

/** The multipart limit of the app (5 MB) applies; a bank slip photo needs no more. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
const MAX_SIDE = 2400;

const keyOf = (tenantId: string, id: string) => `${tenantId}/vouchers/${id}.webp`;

export function createVouchersService(database: Database, store: BlobStore) {
  return {
    async upload(ctx: Ctx<MemberActor>, data: Buffer) {
      let format: string | undefined;
      try {
        format = (await sharp(data, { limitInputPixels: 40_000_000 }).metadata()).format;
      } catch {
        throw new AppError('unsupported_media_type', { message: 'the voucher is not an image (JPEG, PNG or WebP)' });
      }
      if (!format || !ACCEPTED.has(format)) throw new AppError('unsupported_media_type', { message: `vouchers must be JPEG, PNG or WebP, not ${format}` });
      const out = await sharp(data, { limitInputPixels: 40_000_000 }).rotate()
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true }).webp({ quality: 85 }).toBuffer({ resolveWithObject: true });
      const id = newId();
      // The file first: a row without its file would be a broken voucher, a file without a row is harmless.
      await store.put(keyOf(ctx.tenantId, id), out.data);
      return database.tx(ctx.tenantId, async (tx) => {
        await tx.insert(paymentVouchers).values({ tenantId: ctx.tenantId, id, customerId: ctx.actor.customerId, memberId: ctx.actor.id, width: out.info.width, height: out.info.height, bytes: out.data.length });
        return { id, width: out.info.width, height: out.info.height, url: `/api/v1/mall/payment-vouchers/${id}` };
      });
    },

    /** The voucher's bytes for its own customer's members, or for staff whose scope covers the customer. */
    async read(ctx: Ctx<MemberActor | Operator>, id: string): Promise<Buffer> {
      const owner = ctx.actor.kind === 'member' ? eq(paymentVouchers.customerId, ctx.actor.customerId) : customerIdInScope(ctx.actor, paymentVouchers.customerId);
      const [row] = await database.tx(ctx.tenantId, (tx) => tx.select({ id: paymentVouchers.id }).from(paymentVouchers)
        .where(and(eq(paymentVouchers.tenantId, ctx.tenantId), eq(paymentVouchers.id, id), owner)));
      const bytes = row ? await store.get(keyOf(ctx.tenantId, id)) : null;
      if (!bytes) throw notFound('voucher');
      return bytes;
    },
  };
}

export type VouchersService = ReturnType<typeof createVouchersService>;
