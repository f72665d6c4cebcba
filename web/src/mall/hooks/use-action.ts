import { type ApiMutationOptions, useApiMutation } from '../../shared/hooks/use-api-mutation';
import { useFeedback } from './use-feedback';

/** A write to the API with the mall's feedback; see useApiMutation for the options. */
export function useAction<V, R>(fn: (vars: V) => Promise<R>, opts: ApiMutationOptions<R> = {}) {
  return useApiMutation(fn, useFeedback(), opts);
}
