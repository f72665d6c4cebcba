import { TabBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCart } from '../api/cart';
import { useOptionalMember } from '../auth/use-optional-member';
import { CartIcon, GridIcon, HomeIcon, OrderIcon, UserIcon } from '../components/icons';
import type { TabLayoutContext } from '../components/tab-footer';

const TABS = [
  { key: '/', title: 'tab.home', icon: <HomeIcon />, testId: 'tab-home' },
  { key: '/categories', title: 'tab.categories', icon: <GridIcon />, testId: 'tab-categories' },
  { key: '/cart', title: 'tab.cart', icon: <CartIcon />, testId: 'tab-cart' },
  { key: '/orders', title: 'tab.orders', icon: <OrderIcon />, testId: 'tab-orders' },
  { key: '/me', title: 'tab.me', icon: <UserIcon />, testId: 'tab-me' },
];

/** 首页, 分类, 购物车 (with the number of lines), 订单 and 我的 with the bottom tab bar. */
export function TabLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const member = useOptionalMember();
  const cart = useCart(Boolean(member));
  const [footer, setFooter] = useState<HTMLDivElement | null>(null);
  const lines = member ? (cart.data?.lines.length ?? 0) : 0;
  const active = TABS.find((tab) => tab.key !== '/' && pathname.startsWith(tab.key))?.key ?? '/';
  const context: TabLayoutContext = { footer };
  return (
    <>
      <div className="dh-page-body">
        <Outlet context={context} />
      </div>
      <div className="dh-tabbar">
        <div ref={setFooter} />
        <TabBar activeKey={active} onChange={(key) => navigate(key)}>
          {TABS.map((tab) => (
            <TabBar.Item
              key={tab.key}
              icon={tab.icon}
              badge={tab.key === '/cart' && lines > 0 ? (lines > 99 ? '99+' : lines) : undefined}
              title={<span data-testid={tab.testId}>{t(tab.title)}</span>}
            />
          ))}
        </TabBar>
      </div>
    </>
  );
}
