import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors/app-error.js';

// PostgreSQL cannot store U+0000, and a lone UTF-16 surrogate is not text at all: refuse both at the door,
// naming the field, instead of letting the database reject them (or silently mangle them) later.
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function scan(value: unknown, path: string, out: FieldError[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (BAD.test(value)) out.push({ path, message: 'contains a NUL character or an unpaired surrogate' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => scan(v, `${path}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (BAD.test(k)) out.push({ path, message: 'a key contains a NUL character or an unpaired surrogate' });
      scan(v, `${path}.${k}`, out);
    }
  }
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const errors: FieldError[] = [];
    scan(req.params, 'params', errors);
    scan(req.query, 'querystring', errors);
    scan(req.body, 'body', errors);
    if (errors.length) throw new AppError('validation_failed', { message: 'The request contains characters that are not text', errors });
  });
}
