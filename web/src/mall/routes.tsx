import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { RequireMember } from './auth/require-member';
import { PageLoading } from './components/page-loading';
import { RouteError } from './components/route-error';
import { TabLayout } from './layout/tab-layout';

type PageModule = Promise<{ default: ComponentType }>;
const page = (load: () => PageModule): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const router = createBrowserRouter(
  [
    {
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageLoading />,
      children: [
        { path: '/login', ...page(() => import('./pages/login.page')) },
        { path: '/register', ...page(() => import('./pages/register.page')) },
        { path: '/forgot-password', ...page(() => import('./pages/forgot-password.page')) },
        // The catalogue is open to guests (prices per the tenant's guest setting); 购物车, 订单 and 我的 need a member.
        {
          element: <TabLayout />,
          children: [
            { index: true, ...page(() => import('./pages/home.page')) },
            { path: 'categories', ...page(() => import('./pages/categories.page')) },
            {
              element: <RequireMember />,
              children: [
                { path: 'me', ...page(() => import('./pages/account.page')) },
                { path: 'cart', ...page(() => import('./pages/cart.page')) },
                { path: 'orders', ...page(() => import('./pages/orders.page')) },
              ],
            },
          ],
        },
        { path: '/search', ...page(() => import('./pages/search.page')) },
        { path: '/products', ...page(() => import('./pages/products.page')) },
        { path: '/products/:id', ...page(() => import('./pages/product.page')) },
        { path: '/compare', ...page(() => import('./pages/compare.page')) },
        {
          element: <RequireMember />,
          children: [
            { path: 'quick-order', ...page(() => import('./pages/quick-order.page')) },
            { path: 'checkout', ...page(() => import('./pages/checkout.page')) },
            { path: 'orders/:id', ...page(() => import('./pages/order.page')) },
            { path: 'me/finance', ...page(() => import('./pages/finance-account.page')) },
            { path: 'me/statements', ...page(() => import('./pages/statements.page')) },
            { path: 'me/invoice-records', ...page(() => import('./pages/invoice-records.page')) },
            { path: 'me/lists', ...page(() => import('./pages/saved-lists.page')) },
            { path: 'me/lists/:id', ...page(() => import('./pages/saved-list.page')) },
            { path: 'me/favourites', ...page(() => import('./pages/favourites.page')) },
            { path: 'me/recent', ...page(() => import('./pages/recent.page')) },
            { path: 'me/stock-alerts', ...page(() => import('./pages/stock-alerts.page')) },
            { path: 'me/password', ...page(() => import('./pages/change-password.page')) },
            { path: 'me/addresses', ...page(() => import('./pages/addresses.page')) },
            { path: 'me/addresses/new', ...page(() => import('./pages/address-form.page')) },
            { path: 'me/addresses/:id', ...page(() => import('./pages/address-form.page')) },
            { path: 'me/invoices', ...page(() => import('./pages/invoice-profiles.page')) },
            { path: 'me/invoices/new', ...page(() => import('./pages/invoice-profile-form.page')) },
            { path: 'me/invoices/:id', ...page(() => import('./pages/invoice-profile-form.page')) },
            { path: 'me/members', ...page(() => import('./pages/members.page')) },
            { path: 'me/members/new', ...page(() => import('./pages/member-form.page')) },
            { path: 'me/members/:id', ...page(() => import('./pages/member-form.page')) },
            { path: '*', ...page(() => import('./pages/not-found.page')) },
          ],
        },
      ],
    },
  ],
  { basename: '/m' },
);
