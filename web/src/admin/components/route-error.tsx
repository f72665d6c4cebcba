import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** A failed page chunk (new deploy) or a render error: offer a reload instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('pageError')}
      // A chunk that no longer exists after a new deploy is not the user's problem: say so in their language.
      subTitle={error instanceof Error ? (/dynamically imported module|Importing a module script failed/i.test(error.message) ? t('pageUpdated') : error.message) : undefined}
      extra={<Button onClick={() => window.location.reload()}>{t('common:action.retry')}</Button>}
    />
  );
}
