import { and, asc, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { recordAudit } from '../audit/audit.js';
import { productImages, products } from './catalog.tables.js';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES_PER_PRODUCT = 20;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif']);
export const IMAGE_SIZES = { large: 1600, thumb: 400 } as const;
export type ImageSize = keyof typeof IMAGE_SIZES;

const keyOf = (tenantId: string, imageId: string, size: ImageSize) => `${tenantId}/products/${imageId}-${size}.webp`;

/** Product gallery: every upload is decoded (so only real images pass, whatever the file claims), re-encoded and resized. */
export function createImagesService(database: Database, store: BlobStore) {
  return {
    async upload(ctx: Ctx<Operator>, productId: string, data: Buffer) {
      let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
      try {
        meta = await sharp(data, { limitInputPixels: 40_000_000 }).metadata();
      } catch {
        throw new AppError('unsupported_media_type', { message: 'the file is not an image (JPEG, PNG, WebP or GIF)' });
      }
      if (!meta.format || !ACCEPTED.has(meta.format)) throw new AppError('unsupported_media_type', { message: `images must be JPEG, PNG, WebP or GIF, not ${meta.format}` });
      const id = newId();
      const large = await sharp(data, { limitInputPixels: 40_000_000 }).rotate().resize({ width: IMAGE_SIZES.large, height: IMAGE_SIZES.large, fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
      const thumb = await sharp(large.data).resize({ width: IMAGE_SIZES.thumb, height: IMAGE_SIZES.thumb, fit: 'cover' }).webp({ quality: 78 }).toBuffer();
      return database.tx(ctx.tenantId, async (tx) => {
        const [p] = await tx.select({ id: products.id }).from(products).where(and(eq(products.tenantId, ctx.tenantId), eq(products.id, productId))).for('update');
        if (!p) throw notFound('product');
        const [{ n, maxSort }] = await tx.select({ n: sql<number>`count(*)::int`, maxSort: sql<number>`coalesce(max(${productImages.sort}), -1)::int` }).from(productImages)
          .where(and(eq(productImages.tenantId, ctx.tenantId), eq(productImages.productId, productId)));
        if (n >= MAX_IMAGES_PER_PRODUCT) throw new AppError('invalid_state', { message: `a product has at most ${MAX_IMAGES_PER_PRODUCT} images` });
        // Files first: if the row insert fails the orphan files are harmless; a row without files would be a broken image.
        await store.put(keyOf(ctx.tenantId, id, 'large'), large.data);
        await store.put(keyOf(ctx.tenantId, id, 'thumb'), thumb);
        const row = { tenantId: ctx.tenantId, id, productId, sort: maxSort + 1, contentType: 'image/webp', width: large.info.width, height: large.info.height, bytes: large.data.length };
        await tx.insert(productImages).values(row);
        await recordAudit(tx, ctx, { action: 'product.image_add', entityType: 'product', entityId: productId, after: { imageId: id } });
        return { id, width: row.width, height: row.height };
      });
    },

    remove: (ctx: Ctx<Operator>, productId: string, imageId: string) => database.tx(ctx.tenantId, async (tx) => {
      const where = and(eq(productImages.tenantId, ctx.tenantId), eq(productImages.productId, productId), eq(productImages.id, imageId));
      const [row] = await tx.select().from(productImages).where(where);
      if (!row) throw notFound('image');
      await tx.delete(productImages).where(where);
      await recordAudit(tx, ctx, { action: 'product.image_remove', entityType: 'product', entityId: productId, before: { imageId } });
      await store.delete(keyOf(ctx.tenantId, imageId, 'large'));
      await store.delete(keyOf(ctx.tenantId, imageId, 'thumb'));
    }),

    /** New gallery order: `ids` must be exactly the product's images. */
    reorder: (ctx: Ctx<Operator>, productId: string, ids: string[]) => database.tx(ctx.tenantId, async (tx) => {
      const rows = await tx.select({ id: productImages.id }).from(productImages)
        .where(and(eq(productImages.tenantId, ctx.tenantId), eq(productImages.productId, productId))).orderBy(asc(productImages.sort));
      const same = rows.length === ids.length && new Set(ids).size === ids.length && ids.every((id) => rows.some((r) => r.id === id));
      if (!same) throw new AppError('validation_failed', { message: "ids must list each of the product's images once", errors: [{ path: 'body.ids', message: 'not the product images' }] });
      for (const [sort, id] of ids.entries()) {
        await tx.update(productImages).set({ sort }).where(and(eq(productImages.tenantId, ctx.tenantId), eq(productImages.id, id)));
      }
      await recordAudit(tx, ctx, { action: 'product.image_reorder', entityType: 'product', entityId: productId, after: { ids } });
      return ids.map((id) => ({ id }));
    }),

    /** The bytes of one image size, or null. Tenant-checked through the row before the file is read. */
    async read(tenantId: string, imageId: string, size: ImageSize): Promise<Buffer | null> {
      const [row] = await database.tx(tenantId, (tx) => tx.select({ id: productImages.id }).from(productImages)
        .where(and(eq(productImages.tenantId, tenantId), eq(productImages.id, imageId))));
      return row ? store.get(keyOf(tenantId, imageId, size)) : null;
    },
  };
}

export type ImagesService = ReturnType<typeof createImagesService>;
