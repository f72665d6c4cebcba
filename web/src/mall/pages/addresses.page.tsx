import { Button, Card, Dialog, Empty, Space, Tag } from 'antd-mobile';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api/client';
import type { Address } from '../../shared/api/types';
import { useCursorList } from '../../shared/hooks/use-cursor-list';
import { useMember } from '../auth/use-member';
import { LoadMoreBar } from '../components/load-more-bar';
import { useAction } from '../hooks/use-action';
import { SubPage } from '../layout/sub-page';

export const ADDRESSES = '/mall/addresses';

/** 收货地址: the company's delivery addresses; viewers can only look. */
export default function AddressesPage() {
  const { t } = useTranslation();
  const me = useMember();
  const navigate = useNavigate();
  const list = useCursorList<Address>(ADDRESSES);
  const setDefault = useAction((id: string) => api.post(`${ADDRESSES}/${id}/default`), { invalidate: [[ADDRESSES]], success: false });
  const remove = useAction((id: string) => api.delete(`${ADDRESSES}/${id}`), { invalidate: [[ADDRESSES]], success: t('common:message.deleted') });
  const confirmRemove = async (a: Address) => {
    if (await Dialog.confirm({ content: t('common:message.confirmDelete') })) remove.mutate(a.id);
  };

  return (
    <SubPage title={t('account.addresses')}>
      {!list.isLoading && !list.error && list.items.length === 0 && <Empty description={t('addresses.empty')} style={{ padding: '48px 0' }} />}
      {list.items.map((a) => (
        <div className="dh-section" key={a.id} data-testid="address-item" data-address-id={a.id}>
          <Card
            title={<Space>{a.receiver}<span className="dh-muted">{a.phone}</span></Space>}
            extra={a.isDefault && <Tag color="primary" data-testid="address-default-tag">{t('common:message.default')}</Tag>}
          >
            <div>{a.regionText} {a.detail}</div>
            {me.canEdit && (
              <Space style={{ marginTop: 12, '--gap': '8px' } as CSSProperties} wrap>
                {!a.isDefault && <Button size="mini" data-testid="address-set-default" onClick={() => setDefault.mutate(a.id)}>{t('common:action.setDefault')}</Button>}
                <Button size="mini" data-testid="address-edit" onClick={() => navigate(`/me/addresses/${a.id}`)}>{t('common:action.edit')}</Button>
                <Button size="mini" color="danger" fill="outline" data-testid="address-delete" onClick={() => void confirmRemove(a)}>{t('common:action.delete')}</Button>
              </Space>
            )}
          </Card>
        </div>
      ))}
      <LoadMoreBar hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      {me.canEdit
        ? <div className="dh-footer-actions"><Button block color="primary" data-testid="address-add" onClick={() => navigate('/me/addresses/new')}>{t('addresses.add')}</Button></div>
        : <div className="dh-muted" style={{ padding: 16, textAlign: 'center' }}>{t('account.viewerReadOnly')}</div>}
    </SubPage>
  );
}
