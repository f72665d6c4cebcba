import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './app-error.js';
import type { ErrorCode } from './codes.js';
import { problem } from './problem.js';
import { connectionLost, pgError } from '../db/db-errors.js';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Fastify's own 4xx errors, mapped to our stable codes. */
function codeForFastifyError(err: FastifyError): ErrorCode | null {
  const status = err.statusCode ?? 500;
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return 'payload_too_large';
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return 'unsupported_media_type';
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) return 'malformed_json';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'route_not_found';
  if (status === 405) return 'method_not_allowed';
  if (status >= 400 && status < 500) return 'validation_failed';
  return null;
}

/** PostgreSQL errors a service did not anticipate but that are still the client's doing or a passing outage. */
function codeForDatabaseError(err: unknown): ErrorCode | null {
  if (connectionLost(err)) return 'unavailable';
  const code = pgError(err)?.code ?? (err as { code?: unknown }).code;
  switch (code) {
    case '23505': return 'duplicate';
    case '40001': case '40P01': case '55P03': return 'version_conflict';
    case '22P02': case '22003': case '22001': case '22021': case '22P05': case '22007': case '22008': case '23502': case '23503': case '23514': return 'validation_failed';
    case 'ECONNREFUSED': case '57P01': case '57P03': case '08006': case '08001': return 'unavailable';
    default: return null;
  }
}

function validationErrors(err: FastifyError): FieldError[] {
  const where = (err as { validationContext?: string }).validationContext ?? 'body';
  return (err.validation ?? []).map((v) => {
    const path = String(v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return { path: path ? `${where}.${path}` : where, message: v.message ?? 'invalid' };
  });
}

function send(reply: FastifyReply, code: ErrorCode, detail?: string, errors?: FieldError[], extra?: Record<string, unknown>) {
  const body = problem(code, detail, errors, extra);
  return reply.status(body.status).type(PROBLEM_TYPE).send(body);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      if (err.status >= 500) req.log.error({ err }, 'server error');
      return send(reply, err.code, err.message === err.code ? undefined : err.message, err.errors, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return send(reply, 'validation_failed', 'The request does not match the schema', validationErrors(err));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response did not match its schema');
      return send(reply, 'internal', 'Internal error');
    }
    const dbCode = codeForDatabaseError(err);
    if (dbCode) {
      if (dbCode === 'unavailable') req.log.error({ err }, 'database unavailable');
      else req.log.warn({ err }, 'database rejected a write');
      return send(reply, dbCode, dbCode === 'unavailable' ? 'The database is not reachable; try again' : 'The data was rejected');
    }
    const fastifyCode = codeForFastifyError(err);
    if (fastifyCode) return send(reply, fastifyCode, err.message);
    req.log.error({ err }, 'unhandled error');
    return send(reply, 'internal', 'Internal error');
  });

  app.setNotFoundHandler((req, reply) => send(reply, 'route_not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
}
