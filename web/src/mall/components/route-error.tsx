import { Button, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** A failed page chunk (new deploy) or a render error: offer a reload instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <ErrorBlock status="default" title={t('pageError')} description="" fullPage>
      <Button color="primary" onClick={() => window.location.reload()}>{t('common:action.retry')}</Button>
    </ErrorBlock>
  );
}
