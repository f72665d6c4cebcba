import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-message';

/** The fulfilment screens' own wording for the codes they meet (stock here means one warehouse's), else the shared one. */
export function fulfilmentErrorMessage(err: unknown, t: TFunction): string {
  if (isApiError(err)) {
    const own = t(`fulfilment.error.${err.code}`, { defaultValue: '' });
    if (own) return own;
  }
  return errorMessage(err, t);
}
