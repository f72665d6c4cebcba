import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { type ApiMutationOptions, type Feedback, useApiMutation } from '../../../shared/hooks/use-api-mutation';
import { useFeedback } from '../../hooks/use-feedback';

/** Catalog codes the console explains in its own words (a cycle when moving, a category or brand still in use). */
const CATALOG_CODES = ['category_cycle', 'in_use'];

export function useCatalogFeedback(): Feedback {
  const base = useFeedback();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return {
    success: base.success,
    error: (err, form) => {
      if (isApiError(err) && CATALOG_CODES.includes(err.code)) {
        void message.error({ content: <span data-testid="catalog-error">{t(`catalog.error.${err.code}`)}</span>, duration: 6 });
        return;
      }
      base.error(err, form);
    },
  };
}

/** useAction with the catalog's error texts. */
export function useCatalogAction<V, R>(fn: (vars: V) => Promise<R>, opts: ApiMutationOptions<R> = {}) {
  return useApiMutation(fn, useCatalogFeedback(), opts);
}
