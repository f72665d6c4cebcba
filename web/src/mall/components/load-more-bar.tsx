import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** The foot of a cursor list (see useCursorList). */
export function LoadMoreBar({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div style={{ padding: '8px 12px' }}>
      <Button block fill="none" data-testid="load-more" loading={loading} onClick={onLoad}>{t('common:action.loadMore')}</Button>
    </div>
  );
}
