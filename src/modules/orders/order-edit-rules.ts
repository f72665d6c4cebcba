import type { Operator } from '../../platform/auth/actor.js';
import { AppError, forbidden } from '../../platform/errors/app-error.js';
import { decide, staffPermission } from './domain/order-state.js';
import { checkVersion } from './orders.service.js';
import type { OrderRow } from './orders.repository.js';
import type { AddressSnapshot } from './orders.tables.js';

/** An edit needs the current version, a status before release, and orders.edit. */
export function applyEditGuards(o: OrderRow, actor: Operator, version: number) {
  checkVersion(o, version);
  const d = decide(o.status, 'edit', { memberApproval: false, review: true, finance: true, release: true });
  if (!d.ok) throw new AppError('order_state_conflict', { message: `an order that is ${o.status} can no longer be edited`, details: { status: o.status } });
  const permission = staffPermission(o.status, 'edit')!;
  if (!actor.permissions.has(permission)) throw forbidden(permission);
}

export const formatAddress = (a: AddressSnapshot) => `${a.receiver} ${a.phone} ${a.regionText} ${a.detail}`;
