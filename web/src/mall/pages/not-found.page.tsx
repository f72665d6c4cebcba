import { Button, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ErrorBlock status="empty" title={t('common:error.not_found')} description="" fullPage>
      <Button color="primary" onClick={() => navigate('/')}>{t('tab.home')}</Button>
    </ErrorBlock>
  );
}
