import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type OrderTab, useOrderList } from '../api/orders';

const SHORTCUTS: OrderTab[] = ['approval', 'review', 'shipping', 'receiving', 'completed'];

/** 我的订单 on the account page: a row of status shortcuts with the number of orders in each. */
export function OrderShortcuts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { counts } = useOrderList('all');
  return (
    <div className="dh-order-shortcuts" data-testid="order-shortcuts">
      {SHORTCUTS.map((tab) => (
        <button type="button" key={tab} className="dh-order-shortcut" data-testid={`order-shortcut-${tab}`} onClick={() => navigate(`/orders?tab=${tab}`)}>
          <span className="dh-order-shortcut-count">{counts?.[tab] ?? 0}</span>
          <span className="dh-ellipsis">{t(`orders.tabs.${tab}`)}</span>
        </button>
      ))}
    </div>
  );
}
