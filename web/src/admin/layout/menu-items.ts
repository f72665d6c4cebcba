export interface MenuEntry {
  path: string;
  /** label key in the admin namespace: menu.<key> */
  key: string;
  permission?: string;
  /** shown as a shortcut on the home page */
  shortcut?: boolean;
  /** entries with the same group sit in one sub-menu labelled menu.<group> */
  group?: string;
  /** a live count beside the label: `ordersTodo` = the orders waiting for this staff member */
  badge?: 'ordersTodo';
  /** other path prefixes whose pages belong to this entry (it is highlighted there) */
  also?: string[];
}

/** The console's pages; each shows only to staff holding its permission. */
export const MENU: MenuEntry[] = [
  { path: '/', key: 'home' },
  { path: '/orders', key: 'orders', permission: 'orders.read', shortcut: true, badge: 'ordersTodo' },
  { path: '/orders/new', key: 'placeOrder', permission: 'orders.create', shortcut: true },
  { path: '/payments', key: 'payments', permission: 'finance.read', shortcut: true, also: ['/refunds'] },
  { path: '/invoices', key: 'invoices', permission: 'invoices.read', shortcut: true },
  { path: '/finance/receivables', key: 'receivables', permission: 'finance.reports', group: 'financeGroup' },
  { path: '/finance/credit-control', key: 'creditControl', permission: 'finance.reports', group: 'financeGroup' },
  { path: '/finance/statements', key: 'statements', permission: 'finance.reports', group: 'financeGroup' },
  { path: '/finance/records', key: 'financeRecords', permission: 'finance.reports', group: 'financeGroup' },
  { path: '/fulfilment', key: 'fulfilment', permission: 'orders.ship', shortcut: true, also: ['/shipments'] },
  { path: '/products', key: 'products', permission: 'catalog.read', shortcut: true, group: 'catalogGroup' },
  { path: '/categories', key: 'categories', permission: 'catalog.read', group: 'catalogGroup' },
  { path: '/brands', key: 'brands', permission: 'catalog.read', group: 'catalogGroup' },
  { path: '/tags', key: 'tags', permission: 'catalog.read', group: 'catalogGroup' },
  { path: '/imports', key: 'imports', permission: 'catalog.write', shortcut: true, group: 'catalogGroup' },
  { path: '/reprice', key: 'reprice', permission: 'prices.write', group: 'catalogGroup' },
  { path: '/stock', key: 'stock', permission: 'inventory.read', shortcut: true, group: 'inventoryGroup' },
  { path: '/stock/movements', key: 'movements', permission: 'inventory.read', group: 'inventoryGroup' },
  { path: '/stock/alerts', key: 'alerts', permission: 'inventory.read', group: 'inventoryGroup' },
  { path: '/stock-transfers', key: 'transfers', permission: 'inventory.read', group: 'inventoryGroup' },
  { path: '/inbound-receipts', key: 'receipts', permission: 'inventory.read', group: 'inventoryGroup' },
  { path: '/stocktakes', key: 'stocktakes', permission: 'inventory.read', group: 'inventoryGroup' },
  { path: '/warehouses', key: 'warehouses', permission: 'inventory.read', group: 'inventoryGroup' },
  { path: '/customers', key: 'customers', permission: 'customers.read', shortcut: true },
  { path: '/customer-levels', key: 'levels', permission: 'customers.read', shortcut: true },
  { path: '/staff', key: 'staff', permission: 'staff.read', shortcut: true },
  { path: '/roles', key: 'roles', permission: 'roles.read', shortcut: true },
  { path: '/audit', key: 'audit', permission: 'audit.read', shortcut: true },
  { path: '/api-keys', key: 'apiKeys', permission: 'apikeys.manage', shortcut: true },
  { path: '/settings', key: 'settings', permission: 'settings.read', shortcut: true },
  { path: '/account', key: 'account', shortcut: true },
];
