import { useTranslation } from 'react-i18next';

/** An error code of the orders API as a sentence: the order's own wording first, then the common one. */
export function useOrderCodeText() {
  const { t } = useTranslation();
  return (code: string | undefined) => {
    if (!code) return t('common:error.unknown', { code: 'error' });
    const own = t(`orders.error.${code}`, { defaultValue: '' });
    if (own) return own;
    return t(`common:error.${code}`, { defaultValue: t('common:error.unknown', { code }) });
  };
}
