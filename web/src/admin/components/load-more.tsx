import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The foot of a cursor list (see useCursorList). */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 16 }}>
      <Button data-testid="load-more" loading={loading} onClick={onLoad}>
        {t('common:action.loadMore')}
      </Button>
    </div>
  );
}
