import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/forms/form-errors';
import { type ApiMutationOptions, type Feedback, useApiMutation } from '../../../shared/hooks/use-api-mutation';
import { fulfilmentErrorMessage } from './fulfilment-error';

/** useAction with the fulfilment screens' error wording (see fulfilmentErrorMessage). */
export function useFulfilmentAction<V, R>(fn: (vars: V) => Promise<R>, opts: ApiMutationOptions<R> = {}) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const feedback: Feedback = {
    success: (text) => void message.success(text ?? t('common:message.saved')),
    error: (err, form) => {
      if (form && applyFormErrors(form, err)) return;
      void message.error(fulfilmentErrorMessage(err, t));
    },
  };
  return useApiMutation(fn, feedback, opts);
}
