import { imageUrl } from '../api/catalog';
import { ImageIcon } from './icons';

/** A square product picture, or a neutral placeholder when the product has none. */
export function ProductThumb({ imageId, size = 88, alt = '' }: { imageId: string | null | undefined; size?: number | string; alt?: string }) {
  const style = { width: size, height: size };
  if (!imageId) return <div className="dh-thumb dh-thumb-empty" style={style} data-testid="thumb-placeholder"><ImageIcon /></div>;
  return <img className="dh-thumb" style={style} src={imageUrl(imageId)} alt={alt} loading="lazy" />;
}
