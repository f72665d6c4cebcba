import { errorStatus, type ErrorCode } from './codes.js';

export interface FieldError { path: string; message: string }

/** The one error type services throw. Routes never build HTTP errors themselves. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, opts: { message?: string; details?: Record<string, unknown>; errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(opts.message ?? code);
    this.code = code;
    this.details = opts.details;
    this.errors = opts.errors;
    this.headers = opts.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = 'object') => new AppError('not_found', { message: `${what} not found` });
export const forbidden = (permission?: string) =>
  new AppError('forbidden', { message: permission ? `missing permission ${permission}` : 'not allowed', details: permission ? { permission } : undefined });
