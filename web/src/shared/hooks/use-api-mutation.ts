import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldsForm } from '../forms/form-errors';

/** How an app tells the user about success and failure (antd message, antd-mobile Toast). */
export interface Feedback {
  success: (text?: string) => void;
  error: (err: unknown, form?: FieldsForm) => void;
}

export interface ApiMutationOptions<R> {
  /** Query keys (prefixes) to refetch after success. */
  invalidate?: QueryKey[];
  /** Success text; `false` for silence; default "已保存". */
  success?: string | false;
  /** Field errors of a validation problem go onto this form. */
  form?: FieldsForm;
  onSuccess?: (result: R) => void;
}

export function useApiMutation<V, R>(fn: (vars: V) => Promise<R>, feedback: Feedback, opts: ApiMutationOptions<R> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      await Promise.all((opts.invalidate ?? []).map((queryKey) => qc.invalidateQueries({ queryKey })));
      if (opts.success !== false) feedback.success(opts.success);
      opts.onSuccess?.(result);
    },
    onError: (err) => feedback.error(err, opts.form),
  });
}
