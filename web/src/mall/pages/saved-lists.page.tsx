import { Empty, ErrorBlock, List } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { formatDateTime } from '../../shared/lib/format';
import { SAVED_LISTS, savedListsApi } from '../api/saved-lists';
import { PageLoading } from '../components/page-loading';
import { SubPage } from '../layout/sub-page';

/** 常购清单: the lists saved from the cart; open one to put it into the cart again. */
export default function SavedListsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lists = useQuery({ queryKey: [SAVED_LISTS], queryFn: savedListsApi.list });
  const items = lists.data?.items ?? [];
  return (
    <SubPage title={t('lists.title')}>
      {lists.isLoading && <PageLoading />}
      {lists.error && <ErrorBlock status="default" title={errorMessage(lists.error, t)} description="" />}
      {lists.data && items.length === 0 && <Empty data-testid="lists-empty" description={t('lists.empty')} style={{ padding: '48px 0' }} />}
      {items.length > 0 && (
        <div className="dh-section">
          <List>
            {items.map((l) => (
              <List.Item
                key={l.id}
                data-testid="saved-list"
                description={formatDateTime(l.createdAt)}
                extra={t('lists.lines', { count: l.lines.length })}
                onClick={() => navigate(`/me/lists/${l.id}`)}
              >
                {l.name}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </SubPage>
  );
}
