import { App, Button, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { type BulkApproveResult, ORDER_COUNTS, ORDERS, type OrderSummary } from '../../api/orders';
import { OrderStatusTag } from '../../components/order-status-tags';
import { useAction } from '../../hooks/use-action';
import { useOrderCodeText } from './use-order-code-text';

interface Props {
  selected: OrderSummary[];
  onDone: () => void;
}

/** 批量审核: approves the chosen orders one by one on the server; each answers ok (new status) or why not. */
export function BulkApprove({ selected, onDone }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const codeText = useOrderCodeText();
  const [results, setResults] = useState<BulkApproveResult[] | null>(null);
  const approve = useAction(
    (ids: string[]) => api.post<{ results: BulkApproveResult[] }>(`${ORDERS}/bulk-approve`, { ids }),
    {
      invalidate: [[ORDERS], [ORDER_COUNTS]],
      success: false,
      onSuccess: (res) => {
        setResults(res.results);
        onDone();
      },
    },
  );
  /** the order numbers of the batch, kept after the selection is cleared */
  const [names, setNames] = useState(new Map<string, string>());
  const start = () =>
    modal.confirm({
      title: t('orders.bulk.confirm', { count: selected.length }),
      okButtonProps: { 'data-testid': 'bulk-approve-confirm' } as never,
      onOk: () => {
        setNames(new Map(selected.map((o) => [o.id, o.orderNo])));
        return approve.mutateAsync(selected.map((o) => o.id));
      },
    });
  const okCount = results?.filter((r) => r.ok).length ?? 0;
  return (
    <>
      <Button type="primary" size="small" data-testid="bulk-approve" disabled={selected.length === 0} loading={approve.isPending} onClick={start}>
        {t('orders.bulk.approve', { count: selected.length })}
      </Button>
      <Modal
        open={results !== null}
        title={t('orders.bulk.resultTitle', { ok: okCount, failed: (results?.length ?? 0) - okCount })}
        onCancel={() => setResults(null)}
        footer={<Button type="primary" data-testid="bulk-result-close" onClick={() => setResults(null)}>{t('common:action.confirm')}</Button>}
        width={640}
      >
        <Table<BulkApproveResult>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={results ?? []}
          onRow={() => ({ 'data-testid': 'bulk-result-row' }) as never}
          columns={[
            { title: t('orders.orderNo'), dataIndex: 'id', render: (id: string) => names.get(id) ?? id },
            {
              title: t('orders.bulk.outcome'),
              key: 'outcome',
              render: (_: unknown, r: BulkApproveResult) =>
                r.ok ? (
                  <><Tag color="green">{t('orders.bulk.ok')}</Tag>{r.status && <OrderStatusTag status={r.status} />}</>
                ) : (
                  <Typography.Text type="danger">{codeText(r.code)}</Typography.Text>
                ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
