import type { ComponentType } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { RequireStaff } from './auth/require-staff';
import { AdminLayout } from './layout/admin-layout';
import { RouteError } from './components/route-error';

type PageModule = Promise<{ default: ComponentType }>;
/** Each page is its own chunk; the login page never loads the console. */
const page = (load: () => PageModule): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const router = createBrowserRouter(
  [
    {
      hydrateFallbackElement: <Spin fullscreen />,
      children: [
        { path: '/login', ...page(() => import('./pages/login.page')), errorElement: <RouteError /> },
        {
          element: <RequireStaff />,
          errorElement: <RouteError />,
          children: [
            {
              element: <AdminLayout />,
              children: [
                { index: true, ...page(() => import('./pages/home.page')) },
                { path: 'orders', ...page(() => import('./pages/orders/order-queue.page')) },
                { path: 'orders/new', ...page(() => import('./pages/orders/place-order.page')) },
                { path: 'orders/:id', ...page(() => import('./pages/orders/order-detail.page')) },
                { path: 'payments', ...page(() => import('./pages/finance/payments.page')) },
                { path: 'refunds', ...page(() => import('./pages/finance/refunds.page')) },
                { path: 'finance/receivables', ...page(() => import('./pages/finance-reports/receivables.page')) },
                { path: 'finance/credit-control', ...page(() => import('./pages/finance-reports/credit-control.page')) },
                { path: 'finance/statements', ...page(() => import('./pages/finance-reports/statement.page')) },
                { path: 'finance/records', ...page(() => import('./pages/finance-reports/records.page')) },
                { path: 'invoices', ...page(() => import('./pages/invoices/invoices.page')) },
                { path: 'fulfilment', ...page(() => import('./pages/fulfilment/fulfilment.page')) },
                { path: 'shipments/:id', ...page(() => import('./pages/fulfilment/shipment-detail.page')) },
                { path: 'products', ...page(() => import('./pages/catalog/products.page')) },
                { path: 'products/new', ...page(() => import('./pages/catalog/product-editor.page')) },
                { path: 'products/:id', ...page(() => import('./pages/catalog/product-editor.page')) },
                { path: 'categories', ...page(() => import('./pages/catalog/categories.page')) },
                { path: 'brands', ...page(() => import('./pages/catalog/brands.page')) },
                { path: 'tags', ...page(() => import('./pages/catalog/tags.page')) },
                { path: 'imports', ...page(() => import('./pages/catalog/import.page')) },
                { path: 'reprice', ...page(() => import('./pages/catalog/reprice.page')) },
                { path: 'stock', ...page(() => import('./pages/inventory/stock.page')) },
                { path: 'stock/movements', ...page(() => import('./pages/inventory/ledger.page')) },
                { path: 'stock/alerts', ...page(() => import('./pages/inventory/alerts.page')) },
                { path: 'stock-transfers', ...page(() => import('./pages/inventory/transfers.page')) },
                { path: 'stock-transfers/:id', ...page(() => import('./pages/inventory/transfer-detail.page')) },
                { path: 'inbound-receipts', ...page(() => import('./pages/inventory/receipts.page')) },
                { path: 'inbound-receipts/:id', ...page(() => import('./pages/inventory/receipt-detail.page')) },
                { path: 'stocktakes', ...page(() => import('./pages/inventory/stocktakes.page')) },
                { path: 'stocktakes/:id', ...page(() => import('./pages/inventory/stocktake-detail.page')) },
                { path: 'warehouses', ...page(() => import('./pages/inventory/warehouses.page')) },
                { path: 'customers', ...page(() => import('./pages/customers/customer-list.page')) },
                { path: 'customers/:id', ...page(() => import('./pages/customers/customer-detail.page')) },
                { path: 'customer-levels', ...page(() => import('./pages/levels/levels.page')) },
                { path: 'staff', ...page(() => import('./pages/staff/staff-list.page')) },
                { path: 'roles', ...page(() => import('./pages/roles/roles.page')) },
                { path: 'audit', ...page(() => import('./pages/audit/audit.page')) },
                { path: 'api-keys', ...page(() => import('./pages/api-keys/api-keys.page')) },
                { path: 'settings', ...page(() => import('./pages/settings/settings.page')) },
                { path: 'account', ...page(() => import('./pages/account/account.page')) },
                { path: '*', ...page(() => import('./pages/not-found.page')) },
              ],
            },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
