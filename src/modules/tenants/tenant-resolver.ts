import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import { tenantSlugPattern, type Tenant, type TenantsService } from './tenants.service.js';

/**
 * Which tenant a request is for: the X-Tenant header, else the webhook path's tenant segment, else the first label of the host name,
 * else the only tenant of a single-company installation.
 */
export async function resolveTenant(tenants: TenantsService, req: FastifyRequest): Promise<Tenant> {
  const header = req.headers['x-tenant'];
  if (typeof header === 'string' && header !== '') {
    const t = await tenants.bySlug(header.trim().toLowerCase());
    if (!t) throw new AppError('tenant_not_found', { message: `no tenant "${header.slice(0, 40)}"` });
    return t;
  }
  // Carrier and payment callbacks cannot send headers of ours: their URL carries the tenant.
  const hook = /^\/api\/v1\/webhooks\/[^/]+\/([^/?]+)/.exec(req.url);
  if (hook) {
    if (!tenantSlugPattern.test(hook[1])) throw new AppError('validation_failed', { message: 'not a tenant', errors: [{ path: 'params.tenant', message: 'not a tenant slug' }] });
    const t = await tenants.bySlug(hook[1]);
    if (!t) throw new AppError('tenant_not_found', { message: 'no such tenant' });
    return t;
  }
  const host = (req.hostname ?? '').split(':')[0];
  const label = host.split('.')[0];
  if (host.includes('.') && label) {
    const t = await tenants.bySlug(label.toLowerCase());
    if (t) return t;
  }
  const all = await tenants.active();
  if (all.length === 1) return all[0];
  throw new AppError('tenant_required', { message: 'send the X-Tenant header or use the tenant sub-domain' });
}
