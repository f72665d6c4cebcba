export type DataScope = 'all' | 'region' | 'assigned';

export interface StaffActor {
  kind: 'staff';
  id: string;
  name: string;
  permissions: ReadonlySet<string>;
  dataScope: DataScope;
  regionIds: readonly string[];
  /** 仓库范围: the warehouses whose stock the user may work on; empty = all. */
  warehouseIds: readonly string[];
  sessionId: string;
}

export interface MemberActor {
  kind: 'member';
  id: string;
  name: string;
  customerId: string;
  memberRole: 'buyer' | 'approver' | 'viewer';
  isAdmin: boolean;
  sessionId: string;
}

export interface ApiKeyActor {
  kind: 'apikey';
  id: string;
  name: string;
  permissions: ReadonlySet<string>;
  dataScope: 'all';
}

/** The installation itself: CLI commands and demo seeding. Never reachable over HTTP. */
export interface SystemActor {
  kind: 'system';
  id: 'system';
  name: string;
  permissions: ReadonlySet<string>;
  dataScope: 'all';
}

export type Actor = StaffActor | MemberActor | ApiKeyActor | SystemActor;
/** Who acts on staff-side data: a staff user, an integration key, or the system itself. */
export type Operator = StaffActor | ApiKeyActor | SystemActor;

export const systemActor = (permissions: Iterable<string>, name = 'system'): SystemActor =>
  ({ kind: 'system', id: 'system', name, permissions: new Set(permissions), dataScope: 'all' });

/** What every service call receives: the tenant, who acts, from where. */
export interface Ctx<A extends Actor | null = Actor> {
  tenantId: string;
  actor: A;
  ip?: string;
}

export const hasPermission = (actor: Operator, permission: string) => actor.permissions.has(permission);
