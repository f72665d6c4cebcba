import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sha256 } from '../../platform/auth/secrets.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { anyCtx, anyUser, publicRoute, tenantOf } from '../../platform/http/route-auth.js';
import type { AuthService } from './auth.service.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.hooks.js';
import { changePasswordBody, loginBody, meOut, memberMe, resetConfirmBody, resetRequestBody, staffMe } from './auth.schemas.js';
import type { Realm } from './principals.js';

const tags = ['auth'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 423: problemSchema, 429: problemSchema };

export function authRoutes(deps: { auth: AuthService; secureCookies: boolean; loginRateLimitPerMinute: number }) {
  const { auth } = deps;
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.secureCookies };

  function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string, expires: Date) {
    reply.setCookie(SESSION_COOKIE, token, { ...cookieBase, httpOnly: true, expires });
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...cookieBase, httpOnly: false, expires });
  }
  const clearCookies = (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, cookieBase);
    reply.clearCookie(CSRF_COOKIE, cookieBase);
  };
  const sessionId = (token: string | undefined) => (token ? sha256(token) : '');
  const limited = { rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    for (const realm of ['staff', 'member'] as const satisfies Realm[]) {
      r.post(`/${realm}/login`, {
        config: { ...publicRoute, ...limited },
        schema: {
          tags, summary: realm === 'staff' ? 'Staff login (console)' : 'Customer member login (mall)',
          body: loginBody,
          response: { 200: z.object({ me: realm === 'staff' ? staffMe : memberMe, csrfToken: z.string() }), ...errors },
        },
      }, async (req, reply) => {
        const tenant = tenantOf(req);
        const res = await auth.login(tenant.id, realm, req.body.login, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
        setSessionCookies(reply, res.session.token, res.session.csrfToken, res.session.expiresAt);
        return { me: res.me as never, csrfToken: res.session.csrfToken };
      });
    }

    r.post('/logout', { config: publicRoute, schema: { tags, summary: 'End this session', response: { 204: z.null(), 400: problemSchema, 404: problemSchema } } }, async (req, reply) => {
      if (req.actor && req.authVia === 'cookie') await auth.logout(tenantOf(req).id, sessionId(req.cookies[SESSION_COOKIE]));
      clearCookies(reply);
      return reply.status(204).send(null);
    });

    r.post('/logout-others', { config: anyUser, schema: { tags, summary: 'Log out all other devices', response: { 200: z.object({ revoked: z.number().int() }), ...errors } } }, async (req) => {
      const ctx = anyCtx(req);
      if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'member') return { revoked: 0 };
      return { revoked: await auth.logoutOthers(ctx, ctx.actor.kind, sessionId(req.cookies[SESSION_COOKIE])) };
    });

    r.get('/me', { config: anyUser, schema: { tags, summary: 'Who am I', response: { 200: meOut, 401: problemSchema } } }, async (req) => {
      const ctx = anyCtx(req);
      if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'member') {
        return { me: { kind: 'apikey' as const, id: ctx.actor.id, name: ctx.actor.name, permissions: [...ctx.actor.permissions] }, csrfToken: null };
      }
      return { me: (await auth.me(ctx)) as never, csrfToken: req.cookies[CSRF_COOKIE] ?? null };
    });

    r.post('/password', {
      config: anyUser,
      schema: { tags, summary: 'Change my password (other sessions are logged out)', body: changePasswordBody, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      const ctx = anyCtx(req);
      if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'member') return reply.status(204).send(null);
      await auth.changePassword(ctx, ctx.actor.kind, sessionId(req.cookies[SESSION_COOKIE]), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    });

    r.post('/reset/request', {
      config: { ...publicRoute, ...limited },
      schema: { tags, summary: 'Send a one-time password-reset code', body: resetRequestBody, response: { 202: z.object({ sent: z.literal(true) }), ...errors } },
    }, async (req, reply) => {
      await auth.requestReset(tenantOf(req).id, req.body.realm, req.body.login);
      return reply.status(202).send({ sent: true as const });
    });

    r.post('/reset/confirm', {
      config: { ...publicRoute, ...limited },
      schema: { tags, summary: 'Set a new password with the one-time code', body: resetConfirmBody, response: { 204: z.null(), ...errors } },
    }, async (req, reply) => {
      await auth.confirmReset(tenantOf(req).id, req.body.realm, req.body.login, req.body.code, req.body.newPassword);
      return reply.status(204).send(null);
    });
  };
}
