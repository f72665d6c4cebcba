export interface FieldError {
  path: string;
  message: string;
}

/**
 * An RFC 9457 problem answered by the back end (or a network failure, status 0). `problem` is the whole document,
 * extension members included (the `lines` of 409 out_of_stock, the `changes` of 409 cart_prices_changed).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly problem: Record<string, unknown>;

  constructor(status: number, code: string, detail?: string, errors: FieldError[] = [], problem: Record<string, unknown> = {}) {
    super(detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.problem = problem;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

interface Problem {
  code?: unknown;
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
}

function asFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is { path: unknown; message: unknown } => typeof e === 'object' && e !== null)
    .map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }));
}

/** Turns a non-2xx response into an ApiError, whatever its body. */
export async function toApiError(res: Response): Promise<ApiError> {
  let problem: Problem = {};
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await res.json()) as Problem;
    } catch {
      problem = {};
    }
  }
  const code = typeof problem.code === 'string' ? problem.code : `http_${res.status}`;
  const detail =
    typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : undefined;
  return new ApiError(res.status, code, detail, asFieldErrors(problem.errors), problem as Record<string, unknown>);
}
