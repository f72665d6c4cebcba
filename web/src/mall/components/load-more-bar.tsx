import { Button, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/api/error-message';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  error?: unknown;
}

/** The foot of a cursor list (see useCursorList): why it failed, or the button for the next page. */
export function LoadMoreBar({ hasMore, loading, onLoad, error }: Props) {
  const { t } = useTranslation();
  if (error) return <ErrorBlock data-testid="list-error" status="default" title={errorMessage(error, t)} description="" />;
  if (!hasMore) return null;
  return (
    <div style={{ padding: '8px 12px' }}>
      <Button block fill="none" data-testid="load-more" loading={loading} onClick={onLoad}>{t('common:action.loadMore')}</Button>
    </div>
  );
}
