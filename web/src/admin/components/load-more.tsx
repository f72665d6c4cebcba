import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/api/error-message';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  error?: unknown;
}

/** The foot of a cursor list (see useCursorList): why it failed, or the button for the next page. */
export function LoadMore({ hasMore, loading, onLoad, error }: Props) {
  const { t } = useTranslation();
  if (error) return <Alert data-testid="list-error" type="error" showIcon message={errorMessage(error, t)} style={{ marginTop: 16 }} />;
  if (!hasMore) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 16 }}>
      <Button data-testid="load-more" loading={loading} onClick={onLoad}>
        {t('common:action.loadMore')}
      </Button>
    </div>
  );
}
