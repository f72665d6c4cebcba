import type { FastifyRequest } from 'fastify';
import type { Actor, Ctx, MemberActor, Operator } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';

/** Who may call a route. Every route declares it; an /api/v1 route without one fails at start-up. */
export type RouteAuth =
  | { kind: 'public' }
  | { kind: 'any' }
  | { kind: 'member'; write?: boolean; admin?: boolean }
  | { kind: 'staff'; permission: string | null };

export interface RequestTenant { id: string; slug: string; name: string }

declare module 'fastify' {
  interface FastifyContextConfig { auth?: RouteAuth }
  interface FastifyRequest {
    tenant: RequestTenant | null;
    actor: Actor | null;
    authVia: 'cookie' | 'bearer' | null;
  }
}

export const publicRoute = { auth: { kind: 'public' } as RouteAuth };
export const anyUser = { auth: { kind: 'any' } as RouteAuth };
/** Staff (or an API key) holding `permission`; null = any staff. */
export const staffRoute = (permission: string | null) => ({ auth: { kind: 'staff', permission } as RouteAuth });
/** A customer member; `write` excludes viewers, `admin` requires the company's admin login. */
export const memberRoute = (opts: { write?: boolean; admin?: boolean } = {}) => ({ auth: { kind: 'member', ...opts } as RouteAuth });

export function tenantOf(req: FastifyRequest): RequestTenant {
  if (!req.tenant) throw new AppError('tenant_required');
  return req.tenant;
}

export function operatorCtx(req: FastifyRequest): Ctx<Operator> {
  const actor = req.actor;
  if (!actor) throw new AppError('unauthenticated');
  if (actor.kind === 'member') throw new AppError('forbidden');
  return { tenantId: tenantOf(req).id, actor, ip: req.ip };
}

export function memberCtx(req: FastifyRequest): Ctx<MemberActor> {
  const actor = req.actor;
  if (!actor) throw new AppError('unauthenticated');
  if (actor.kind !== 'member') throw new AppError('forbidden', { message: 'this is a customer (mall) endpoint' });
  return { tenantId: tenantOf(req).id, actor, ip: req.ip };
}

export function anyCtx(req: FastifyRequest): Ctx<Actor> {
  if (!req.actor) throw new AppError('unauthenticated');
  return { tenantId: tenantOf(req).id, actor: req.actor, ip: req.ip };
}
