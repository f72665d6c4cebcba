import { Button, Dialog, ErrorBlock, List } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { type RowReport, showCart } from '../api/cart';
import { SAVED_LISTS, savedListsApi } from '../api/saved-lists';
import { useMember } from '../auth/use-member';
import { PageLoading } from '../components/page-loading';
import { RowReportList } from '../components/row-report-list';
import { useAction } from '../hooks/use-action';
import { SubPage } from '../layout/sub-page';

/** One 常购清单: its lines; put them all into the cart, or delete the list. */
export default function SavedListPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMember();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: [SAVED_LISTS, id], queryFn: () => savedListsApi.get(id!), enabled: Boolean(id) });
  const [report, setReport] = useState<RowReport[]>();

  const toCart = useAction(savedListsApi.toCart, {
    success: false,
    onSuccess: (res) => {
      showCart(qc, res.cart);
      if (res.report.every((r) => r.ok)) navigate('/cart');
      else setReport(res.report);
    },
  });
  const remove = useAction(savedListsApi.remove, {
    success: t('common:message.deleted'),
    invalidate: [[SAVED_LISTS]],
    onSuccess: () => navigate('/me/lists', { replace: true }),
  });
  const confirmRemove = async () => {
    if (id && await Dialog.confirm({ content: t('lists.deleteConfirm') })) remove.mutate(id);
  };

  const l = list.data;
  return (
    <SubPage title={l?.name ?? t('lists.title')} back="/me/lists">
      {list.isLoading && <PageLoading />}
      {list.error && <ErrorBlock status="default" title={errorMessage(list.error, t)} description="" />}
      {report && <RowReportList report={report} />}
      {l && (
        <>
          <div className="dh-section">
            <List>
              {l.lines.map((line) => (
                <List.Item
                  key={line.skuUnitId}
                  data-testid="saved-list-line"
                  description={[line.specText, line.skuCode].filter(Boolean).join(' · ')}
                  extra={`${line.qty}${line.unitName}`}
                >
                  {line.productName}
                </List.Item>
              ))}
            </List>
          </div>
          {me.canEdit && (
            <div className="dh-footer-actions dh-row-buttons">
              <Button color="danger" fill="outline" data-testid="saved-list-delete" loading={remove.isPending} onClick={() => void confirmRemove()}>{t('common:action.delete')}</Button>
              <Button color="primary" style={{ flex: 1 }} data-testid="saved-list-to-cart" loading={toCart.isPending} onClick={() => toCart.mutate(l.id)}>{t('lists.toCart')}</Button>
            </div>
          )}
        </>
      )}
    </SubPage>
  );
}
