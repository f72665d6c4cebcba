import { z } from 'zod';
import { errorStatus, errorTitle, type ErrorCode } from './codes.js';
import type { FieldError } from './app-error.js';

/** RFC 9457 problem document, the shape of every error answer; extension members (e.g. `changes`) may follow. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}).meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

export function problem(code: ErrorCode, detail?: string, errors?: FieldError[], extra?: Record<string, unknown>): Problem & Record<string, unknown> {
  // Extras (an AppError's details) come first so they can never overwrite the standard members.
  return {
    ...(extra ?? {}),
    type: `https://dinghuo.dev/problems/${code.replace(/_/g, '-')}`,
    title: errorTitle[code],
    status: errorStatus[code],
    code,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}
