import { App, Button, Image, Popconfirm, Space, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { imageLarge, imageThumb, postMultipart, PRODUCTS, type ProductDetail } from '../../api/catalog';
import { useAction } from '../../hooks/use-action';

const MAX_IMAGES = 20;

/** 商品图片 (saved products only): upload, delete, move left/right; the first is the main image. */
export function ProductImages({ product, canWrite }: { product: ProductDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [uploading, setUploading] = useState(0);
  const images = product.images;
  const refresh = () => qc.invalidateQueries({ queryKey: [PRODUCTS] });
  const remove = useAction((imageId: string) => api.delete(`${PRODUCTS}/${product.id}/images/${imageId}`), {
    invalidate: [[PRODUCTS]],
    success: t('common:message.deleted'),
  });
  const reorder = useAction((ids: string[]) => api.put(`${PRODUCTS}/${product.id}/images/order`, { ids }), { invalidate: [[PRODUCTS]], success: false });
  const move = (from: number, to: number) => {
    const ids = images.map((i) => i.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    reorder.mutate(ids);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap size={12} align="start" data-testid="product-images">
        {images.map((img, i) => (
          <div key={img.id} data-testid="product-image" style={{ width: 112, textAlign: 'center' }}>
            <Image src={imageThumb(img.id)} preview={{ src: imageLarge(img.id) }} width={104} height={104} style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }} />
            {i === 0 && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('catalog.images.main')}</Typography.Text>}
            {canWrite && (
              <Space size={0}>
                <Button size="small" type="text" disabled={i === 0 || reorder.isPending} aria-label={t('catalog.images.left')} onClick={() => move(i, i - 1)}>←</Button>
                <Popconfirm title={t('common:message.confirmDelete')} onConfirm={() => remove.mutate(img.id)}>
                  <Button size="small" type="text" danger data-testid="image-delete">{t('common:action.delete')}</Button>
                </Popconfirm>
                <Button size="small" type="text" disabled={i === images.length - 1 || reorder.isPending} aria-label={t('catalog.images.right')} onClick={() => move(i, i + 1)}>→</Button>
              </Space>
            )}
          </div>
        ))}
        {canWrite && images.length < MAX_IMAGES && (
          <Upload
            accept="image/jpeg,image/png,image/webp,image/gif"
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              const form = new FormData();
              form.append('file', file as Blob);
              setUploading((n) => n + 1);
              postMultipart(`${PRODUCTS}/${product.id}/images`, form)
                .then((r) => {
                  onSuccess?.(r);
                  void refresh();
                })
                .catch((err: unknown) => {
                  onError?.(err as Error);
                  void message.error(errorMessage(err, t));
                })
                .finally(() => setUploading((n) => n - 1));
            }}
          >
            <Button data-testid="image-upload" loading={uploading > 0} style={{ width: 104, height: 104 }}>
              {t('catalog.images.upload')}
            </Button>
          </Upload>
        )}
      </Space>
      <Typography.Text type="secondary">{t('catalog.images.hint')}</Typography.Text>
    </Space>
  );
}
