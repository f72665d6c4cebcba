import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api/api-error';
import { errorMessage } from '../../shared/api/error-message';

/**
 * errorMessage() with the mall's own sentences for the ordering codes (cart_empty, cart_invalid, …),
 * which the shared common texts do not have yet.
 */
export function mallErrorMessage(err: unknown, t: TFunction): string {
  if (isApiError(err)) {
    const own = t(`orderError.${err.code}`, { defaultValue: '' });
    if (own) return own;
  }
  return errorMessage(err, t);
}
