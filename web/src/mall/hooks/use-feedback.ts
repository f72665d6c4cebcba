import { Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/forms/form-errors';
import type { Feedback } from '../../shared/hooks/use-api-mutation';
import { mallErrorMessage } from '../lib/error-text';

/** Toasts for the shared mutation hook: field errors go onto the form, the rest to a toast. */
export function useFeedback(): Feedback {
  const { t } = useTranslation();
  return {
    success: (text) => Toast.show({ icon: 'success', content: text ?? t('common:message.saved') }),
    error: (err, form) => {
      if (form && applyFormErrors(form, err)) return;
      Toast.show({ icon: 'fail', content: mallErrorMessage(err, t) });
    },
  };
}
