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
        {
          element: <RequireMember />,
          children: [
            {
              element: <TabLayout />,
              children: [
                { index: true, ...page(() => import('./pages/home.page')) },
                { path: 'me', ...page(() => import('./pages/account.page')) },
              ],
            },
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
