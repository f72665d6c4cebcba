export interface MenuEntry {
  path: string;
  /** label key in the admin namespace: menu.<key> */
  key: string;
  permission?: string;
  /** shown as a shortcut on the home page */
  shortcut?: boolean;
}

/** The console's pages; each shows only to staff holding its permission. */
export const MENU: MenuEntry[] = [
  { path: '/', key: 'home' },
  { path: '/customers', key: 'customers', permission: 'customers.read', shortcut: true },
  { path: '/customer-levels', key: 'levels', permission: 'customers.read', shortcut: true },
  { path: '/staff', key: 'staff', permission: 'staff.read', shortcut: true },
  { path: '/roles', key: 'roles', permission: 'roles.read', shortcut: true },
  { path: '/audit', key: 'audit', permission: 'audit.read', shortcut: true },
  { path: '/api-keys', key: 'apiKeys', permission: 'apikeys.manage', shortcut: true },
  { path: '/settings', key: 'settings', permission: 'settings.read', shortcut: true },
  { path: '/account', key: 'account', shortcut: true },
];
