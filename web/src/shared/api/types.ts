/** Shapes of docs/api.md. Fields the contract leaves open are optional. */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type DataScope = 'all' | 'region' | 'assigned';
export type CustomerType = 'dealer' | 'retailer' | 'consumer';
export type CustomerStatus = 'pending' | 'active' | 'disabled' | 'rejected';
export type MemberRole = 'buyer' | 'approver' | 'viewer';
export type AccountStatus = 'active' | 'disabled';
export type InvoiceKind = 'normal' | 'special';
export type Realm = 'staff' | 'member';

export interface RoleRef {
  id: string;
  code: string | null;
  name: string;
}

export interface StaffMe {
  kind: 'staff';
  id: string;
  name: string;
  username: string;
  phone: string | null;
  email: string | null;
  roles: RoleRef[];
  permissions: string[];
  dataScope: DataScope;
  /** 仓库范围: the warehouses this user works on; empty = all */
  warehouseIds: string[];
}

export interface MemberMe {
  kind: 'member';
  id: string;
  name: string;
  username: string | null;
  phone: string | null;
  email: string | null;
  memberRole: MemberRole;
  isAdmin: boolean;
  customer: { id: string; code: string; name: string; type: CustomerType; status: CustomerStatus; levelName: string | null };
}

export type Me = StaffMe | MemberMe;

export interface MeResponse<M extends Me = Me> {
  me: M;
  csrfToken: string | null;
}

export interface Tenant {
  slug: string;
  name: string;
  registrationOpen: boolean;
  autoApprove: boolean;
  guestPriceMode?: 'hidden' | 'list';
}

export interface Region {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
}

export interface RegisterInput {
  companyName: string;
  type: CustomerType;
  contactName: string;
  phone: string;
  email?: string;
  username?: string;
  password: string;
  regionId?: string;
  address?: { regionText: string; detail: string };
}

export interface Permission {
  code: string;
  group: string;
  zh: string;
  en: string;
}

export interface Role {
  id: string;
  code: string | null;
  name: string;
  builtIn: boolean;
  permissions: string[];
  dataScope: DataScope;
  version: number;
  staffCount?: number;
}

export interface Staff {
  id: string;
  name: string;
  username: string;
  phone: string | null;
  email: string | null;
  status: AccountStatus;
  roles: RoleRef[];
  regionIds: string[];
  /** 仓库范围: empty = all warehouses */
  warehouseIds: string[];
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface CustomerLevel {
  id: string;
  name: string;
  rank: number;
  version: number;
  customerCount?: number;
}

export interface Customer {
  id: string;
  code: string;
  name: string;
  type: CustomerType;
  status: CustomerStatus;
  levelId: string | null;
  levelName?: string | null;
  regionId: string | null;
  regionName?: string | null;
  salespersonId?: string | null;
  salespersonName?: string | null;
  contactName: string;
  phone: string;
  email: string | null;
  remark: string | null;
  rejectReason: string | null;
  source?: 'staff' | 'registration';
  createdAt: string;
  version: number;
}

export interface Contact {
  id: string;
  name: string;
  phone: string | null;
  email?: string | null;
  position?: string | null;
  isPrimary?: boolean;
  version?: number;
}

export interface Address {
  id: string;
  receiver: string;
  phone: string;
  regionId: string | null;
  regionText: string;
  detail: string;
  isDefault: boolean;
  version?: number;
}

export interface InvoiceProfile {
  id: string;
  kind: InvoiceKind;
  title: string;
  taxNo: string;
  bankName?: string | null;
  bankAccount?: string | null;
  address?: string | null;
  phone?: string | null;
  isDefault?: boolean;
  version?: number;
}

export interface Member {
  id: string;
  name: string;
  username: string | null;
  phone: string | null;
  email?: string | null;
  memberRole: MemberRole;
  isAdmin: boolean;
  status: AccountStatus;
  lastLoginAt: string | null;
  createdAt?: string;
  version: number;
}

export interface CustomerDetail extends Customer {
  contacts: Contact[];
  addresses: Address[];
  invoiceProfiles: InvoiceProfile[];
  members: Member[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy?: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt?: string | null;
}

/** Tenant settings document; PUT sends it whole with the version read (0 before the first save). */
export interface Settings {
  companyName: string;
  registrationOpen: boolean;
  autoApproveRegistration: boolean;
  guestPriceMode: 'hidden' | 'list';
  supportPhone: string;
}

export interface VersionedSettings {
  settings: Settings;
  version: number;
}

export interface MallAccount {
  member: MemberMe;
  customer: Omit<CustomerDetail, 'members'>;
}
