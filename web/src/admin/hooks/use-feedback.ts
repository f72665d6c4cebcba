import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/api/error-message';
import { applyFormErrors } from '../../shared/forms/form-errors';
import type { Feedback } from '../../shared/hooks/use-api-mutation';

/** antd messages for the shared mutation hook: field errors go onto the form, the rest to a toast. */
export function useFeedback(): Feedback {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return {
    success: (text) => void message.success(text ?? t('common:message.saved')),
    error: (err, form) => {
      if (form && applyFormErrors(form, err)) return;
      void message.error(errorMessage(err, t));
    },
  };
}
