import { Button, Empty, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Member } from '../../shared/api/types';
import { useCursorList } from '../../shared/hooks/use-cursor-list';
import { useMember } from '../auth/use-member';
import { LoadMoreBar } from '../components/load-more-bar';
import { SubPage } from '../layout/sub-page';

export const MEMBERS = '/mall/members';

/** 子账号: the company's logins; only the main account (isAdmin) adds or changes them. */
export default function MembersPage() {
  const { t } = useTranslation();
  const me = useMember();
  const navigate = useNavigate();
  const list = useCursorList<Member>(MEMBERS);
  return (
    <SubPage title={t('account.members')}>
      {!list.isLoading && !list.error && list.items.length === 0 && <Empty description={t('common:message.empty')} />}
      {list.items.length > 0 && (
        <div className="dh-section">
          <List>
            {list.items.map((m) => (
              <List.Item
                key={m.id}
                data-testid="member-item"
                description={[m.username, m.phone].filter(Boolean).join(' · ')}
                extra={
                  <>
                    <Tag color="primary" fill="outline">{t(`common:memberRole.${m.memberRole}`)}</Tag>
                    {m.isAdmin && <Tag color="warning" fill="outline" style={{ marginLeft: 4 }}>{t('account.mainAccount')}</Tag>}
                    {m.status === 'disabled' && <Tag style={{ marginLeft: 4 }}>{t('common:accountStatus.disabled')}</Tag>}
                  </>
                }
                onClick={me.isAdmin && m.id !== me.id ? () => navigate(`/me/members/${m.id}`) : undefined}
              >
                {m.name}{m.id === me.id && <span className="dh-muted"> ({t('members.you')})</span>}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <LoadMoreBar hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      {me.isAdmin
        ? <div className="dh-footer-actions"><Button block color="primary" data-testid="member-add" onClick={() => navigate('/me/members/new')}>{t('members.add')}</Button></div>
        : <div className="dh-muted" style={{ padding: 16, textAlign: 'center' }}>{t('members.adminOnly')}</div>}
    </SubPage>
  );
}
