import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ProductSummary } from '../api/catalog';
import { PriceTag } from './price-tag';
import { ProductThumb } from './product-thumb';

/** One product in a list: picture, name, brand and the member's own price; tapping opens the product page. */
export function ProductRow({ item, extra }: { item: ProductSummary; extra?: ReactNode }) {
  const navigate = useNavigate();
  return (
    <div className="dh-product-row" data-testid="product-item" data-product-id={item.id} onClick={() => navigate(`/products/${item.id}`)} role="link">
      <ProductThumb imageId={item.imageId} alt={item.name} />
      <div className="dh-product-row-main">
        <div className="dh-product-name" data-testid="product-name">{item.name}</div>
        {item.brandName && <div className="dh-muted dh-ellipsis">{item.brandName}</div>}
        <div className="dh-product-row-foot">
          <PriceTag price={item.price} />
          {extra}
        </div>
      </div>
    </div>
  );
}
