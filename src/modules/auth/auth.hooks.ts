import type { FastifyInstance, FastifyRequest } from 'fastify';
import { safeEqual } from '../../platform/auth/secrets.js';
import type { ReadCache } from '../../platform/cache/read-cache.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { RouteAuth } from '../../platform/http/route-auth.js';
import { resolveTenant } from '../tenants/tenant-resolver.js';
import type { TenantsService } from '../tenants/tenants.service.js';
import type { ApiKeysService } from './api-keys.service.js';
import type { AuthService } from './auth.service.js';

export const SESSION_COOKIE = 'dh_sid';
export const CSRF_COOKIE = 'dh_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes under /api/v1 must say who may call them; forgetting is a start-up error, not an open door. */
export function requireRouteAuth(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/') && !route.config?.auth) throw new Error(`route ${route.method} ${route.url} declares no auth`);
  });
}

export function registerAuthHooks(app: FastifyInstance, deps: { tenants: TenantsService; auth: AuthService; apiKeys: ApiKeysService; readCache: ReadCache }) {
  app.decorateRequest('tenant', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);

  // A write request may have changed what the read cache holds (a login disabled, a role, a level, the settings):
  // forget the tenant's entries before the answer leaves, so the caller's next request sees the change.
  app.addHook('onSend', async (req: FastifyRequest) => {
    if (req.tenant && UNSAFE.has(req.method)) deps.readCache.invalidateTenant(req.tenant.id);
  });

  // Identify tenant and caller; nothing here rejects a request except a bad tenant, a bad key or a CSRF failure.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const tenant = await resolveTenant(deps.tenants, req);
    req.tenant = { id: tenant.id, slug: tenant.slug, name: tenant.name };
    const authz = req.headers.authorization;
    if (authz) {
      const [scheme, token] = authz.split(' ');
      const actor = scheme?.toLowerCase() === 'bearer' && token ? await deps.apiKeys.authenticate(tenant.id, token) : null;
      if (!actor) throw new AppError('unauthenticated', { message: 'invalid or revoked API key', headers: { 'www-authenticate': 'Bearer' } });
      req.actor = actor;
      req.authVia = 'bearer';
    } else {
      const token = req.cookies[SESSION_COOKIE];
      const found = token && token.length <= 100 ? await deps.auth.authenticate(tenant.id, token) : null;
      if (found) {
        req.actor = found.actor;
        req.authVia = 'cookie';
        if (UNSAFE.has(req.method)) {
          const sent = req.headers['x-csrf-token'];
          if (typeof sent !== 'string' || !safeEqual(sent, found.csrfToken)) {
            throw new AppError('csrf_failed', { message: 'send the X-CSRF-Token header with the value of the dh_csrf cookie' });
          }
        }
      }
    }
    enforce(req.routeOptions.config.auth, req);
  });
}

function enforce(auth: RouteAuth | undefined, req: FastifyRequest) {
  if (!auth || auth.kind === 'public') return;
  const actor = req.actor;
  if (!actor) throw new AppError('unauthenticated', { message: 'log in first' });
  if (auth.kind === 'any') return;
  if (auth.kind === 'member') {
    if (actor.kind !== 'member') throw new AppError('forbidden', { message: 'this is a customer (mall) endpoint' });
    if (auth.write && actor.memberRole === 'viewer' && !actor.isAdmin) throw new AppError('forbidden', { message: 'viewers cannot change data' });
    if (auth.admin && !actor.isAdmin) throw new AppError('forbidden', { message: "only the company's admin login can do this" });
    return;
  }
  if (actor.kind === 'member') throw new AppError('forbidden', { message: 'this is a staff (console) endpoint' });
  if (auth.permission && !actor.permissions.has(auth.permission)) {
    throw new AppError('forbidden', { message: `missing permission ${auth.permission}`, details: { permission: auth.permission } });
  }
}
