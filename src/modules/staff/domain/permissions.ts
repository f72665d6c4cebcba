import type { DataScope } from '../../../platform/auth/actor.js';

export interface PermissionDef { code: string; group: string; zh: string; en: string }

/** Every permission the console knows. Later modules append theirs here; routes name them in `config.permission`. */
export const PERMISSIONS: readonly PermissionDef[] = [
  { code: 'staff.read', group: 'staff', zh: '查看员工', en: 'View staff' },
  { code: 'staff.write', group: 'staff', zh: '管理员工', en: 'Manage staff' },
  { code: 'roles.read', group: 'staff', zh: '查看角色', en: 'View roles' },
  { code: 'roles.write', group: 'staff', zh: '管理角色与权限', en: 'Manage roles and permissions' },
  { code: 'customers.read', group: 'customers', zh: '查看客户', en: 'View customers' },
  { code: 'customers.write', group: 'customers', zh: '管理客户', en: 'Manage customers' },
  { code: 'customers.approve', group: 'customers', zh: '审核客户注册', en: 'Approve registrations' },
  { code: 'catalog.read', group: 'catalog', zh: '查看商品', en: 'View products' },
  { code: 'catalog.write', group: 'catalog', zh: '管理商品与分类', en: 'Manage products and categories' },
  { code: 'prices.write', group: 'catalog', zh: '管理价格', en: 'Manage prices' },
  { code: 'orders.read', group: 'orders', zh: '查看订单', en: 'View orders' },
  { code: 'orders.create', group: 'orders', zh: '代客下单', en: 'Place orders for customers' },
  { code: 'orders.review', group: 'orders', zh: '订单审核', en: 'Review orders' },
  { code: 'orders.finance', group: 'orders', zh: '财务审核', en: 'Finance review of orders' },
  { code: 'orders.release', group: 'orders', zh: '出库审核', en: 'Release orders to the warehouse' },
  { code: 'orders.ship', group: 'orders', zh: '发货与收货确认', en: 'Ship orders and confirm receipt' },
  { code: 'orders.edit', group: 'orders', zh: '修改订单', en: 'Edit orders before release' },
  { code: 'orders.void', group: 'orders', zh: '作废订单', en: 'Void orders' },
  { code: 'finance.read', group: 'finance', zh: '查看收款与客户账户', en: 'View payments and customer accounts' },
  { code: 'finance.write', group: 'finance', zh: '收款确认、余额调整与信用额度', en: 'Confirm payments, adjust balances, set credit terms' },
  { code: 'finance.reports', group: 'finance', zh: '查看对账单、应收账款、信用控制与收支报表', en: 'View statements, receivables, credit control and income/expense reports' },
  { code: 'finance.expenses', group: 'finance', zh: '登记与作废收支记录、管理收支类别', en: 'Record and void income/expense records, manage their categories' },
  { code: 'invoices.read', group: 'finance', zh: '查看发票与待开票', en: 'View invoices and orders awaiting invoices' },
  { code: 'invoices.write', group: 'finance', zh: '开票、作废发票与开票申请', en: 'Issue and void invoices, set invoice requests' },
  { code: 'inventory.read', group: 'inventory', zh: '查看库存', en: 'View stock' },
  { code: 'inventory.write', group: 'inventory', zh: '管理仓库与库存', en: 'Manage warehouses and stock' },
  { code: 'audit.read', group: 'system', zh: '查看审计日志', en: 'Read the audit log' },
  { code: 'apikeys.manage', group: 'system', zh: '管理 API 密钥', en: 'Manage API keys' },
  { code: 'settings.read', group: 'system', zh: '查看系统设置', en: 'View settings' },
  { code: 'settings.write', group: 'system', zh: '修改系统设置', en: 'Change settings' },
];

export const PERMISSION_CODES = PERMISSIONS.map((p) => p.code);
export const isPermission = (code: string) => PERMISSION_CODES.includes(code);

export interface BuiltInRole { code: string; zh: string; en: string; dataScope: DataScope; permissions: readonly string[] }

const read = ['customers.read', 'catalog.read'];

/** The roles of GLOSSARY.md. Their permissions follow the code (re-synced at start); custom roles are the tenant's. */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  { code: 'owner', zh: '老板', en: 'Owner', dataScope: 'all', permissions: PERMISSION_CODES },
  { code: 'admin', zh: '管理员', en: 'Admin', dataScope: 'all', permissions: PERMISSION_CODES },
  { code: 'order_clerk', zh: '接单员', en: 'Order clerk', dataScope: 'all', permissions: [...read, 'orders.read', 'orders.create', 'orders.review', 'orders.edit', 'orders.void'] },
  { code: 'finance', zh: '财务', en: 'Finance', dataScope: 'all', permissions: [...read, 'orders.read', 'orders.finance', 'finance.read', 'finance.write', 'finance.reports', 'finance.expenses', 'invoices.read', 'invoices.write'] },
  { code: 'warehouse', zh: '仓管', en: 'Warehouse keeper', dataScope: 'all', permissions: ['catalog.read', 'orders.read', 'orders.ship', 'inventory.read', 'inventory.write'] },
  { code: 'shipping', zh: '发货审核员', en: 'Shipping reviewer', dataScope: 'all', permissions: ['catalog.read', 'orders.read', 'orders.release', 'orders.ship', 'inventory.read'] },
  { code: 'sales', zh: '业务员', en: 'Salesperson', dataScope: 'assigned', permissions: ['customers.read', 'customers.write', 'catalog.read', 'orders.read', 'orders.create'] },
  { code: 'regional_manager', zh: '区域经理', en: 'Regional manager', dataScope: 'region', permissions: ['customers.read', 'customers.write', 'customers.approve', 'staff.read', 'catalog.read', 'orders.read'] },
  { code: 'service', zh: '客服', en: 'Customer service', dataScope: 'all', permissions: [...read, 'orders.read', 'orders.create'] },
];

/** With several roles, the widest data scope wins (all > region > assigned). */
export function widestScope(scopes: readonly DataScope[]): DataScope {
  if (scopes.includes('all')) return 'all';
  if (scopes.includes('region')) return 'region';
  return 'assigned';
}
