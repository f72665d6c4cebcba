import type { TFunction } from 'i18next';
import { isApiError } from './api-error';

/** A sentence for the user: our own text for known codes, else the server's detail. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!isApiError(err)) return t('common:error.unknown', { code: err instanceof Error ? err.message : 'error' });
  const key = `common:error.${err.code}`;
  if (t(key, { defaultValue: '' })) return t(key);
  return err.detail ?? t('common:error.unknown', { code: err.code });
}
