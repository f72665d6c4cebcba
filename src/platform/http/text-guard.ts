import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors/app-error.js';

// PostgreSQL cannot store U+0000, and a lone UTF-16 surrogate is not text at all: refuse both at the door,
// naming the field, instead of letting the database reject them (or silently mangle them) later.
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No request of the API nests deeper than a few levels; JSON nested thousands deep only costs stack and time. */
export const MAX_JSON_DEPTH = 32;

/**
 * Walks params, query or body without recursion (a body nested 100,000 levels deep parses fine, but a recursive
 * walk overflows the stack: that was a 500), refusing values nested more than MAX_JSON_DEPTH levels deep.
 */
function scan(root: unknown, rootPath: string, out: FieldError[]): void {
  const stack: [value: unknown, path: string, depth: number][] = [[root, rootPath, 0]];
  while (stack.length && out.length < 20) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (BAD.test(value)) out.push({ path, message: 'contains a NUL character or an unpaired surrogate' });
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      out.push({ path, message: `nested more than ${MAX_JSON_DEPTH} levels deep` });
      continue;
    }
    // pushed in reverse, so fields are reported in their order
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`, depth + 1]);
    } else {
      const entries = Object.entries(value);
      for (const [k] of entries) if (BAD.test(k)) out.push({ path, message: 'a key contains a NUL character or an unpaired surrogate' });
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], `${path}.${entries[i][0]}`, depth + 1]);
    }
  }
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const errors: FieldError[] = [];
    scan(req.params, 'params', errors);
    scan(req.query, 'querystring', errors);
    scan(req.body, 'body', errors);
    if (errors.length) {
      const message = errors.some((e) => e.message.startsWith('nested')) ? 'The request is nested too deeply' : 'The request contains characters that are not text';
      throw new AppError('validation_failed', { message, errors });
    }
  });
}
