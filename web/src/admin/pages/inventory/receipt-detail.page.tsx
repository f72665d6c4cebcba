import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Popconfirm, Result, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { api } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { useDetail } from '../../../shared/hooks/use-detail';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import {
  INBOUND_RECEIPTS, type InboundReceipt, receiptPrintUrl, type ReceiptStep, STOCK, STOCK_MOVEMENTS,
} from '../../api/inventory';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { PageCard } from '../../components/page-card';
import { useAction } from '../../hooks/use-action';
import { ReceiptStatusTag } from './receipt-parts';
import { useWarehouseName } from './transfer-parts';

type StepOutcome =
  | { kind: 'done'; receipt: InboundReceipt; step: ReceiptStep }
  /** 409 version_conflict / invalid_state: someone else changed it; reload */
  | { kind: 'stale'; code: 'version_conflict' | 'invalid_state' };

/** Which steps a receipt offers in its state: 取消 and 确认入库 a draft. */
const STEPS: Record<InboundReceipt['status'], ReceiptStep[]> = { draft: ['cancel', 'confirm'], confirmed: [], cancelled: [] };

type Line = InboundReceipt['lines'][number];

function ReceiptView({ receipt, onReload }: { receipt: InboundReceipt; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useStaff();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canWrite = me.can('inventory.write');
  const warehouseName = useWarehouseName();
  const [stale, setStale] = useState<'version_conflict' | 'invalid_state' | null>(null);
  const [reloading, setReloading] = useState(false);

  const step = useAction(
    async (s: ReceiptStep): Promise<StepOutcome> => {
      setStale(null);
      try {
        const after = await api.post<InboundReceipt>(`${INBOUND_RECEIPTS}/${receipt.id}/${s}`, { version: receipt.version });
        return { kind: 'done', receipt: after, step: s };
      } catch (err) {
        if (isApiError(err) && (err.code === 'version_conflict' || err.code === 'invalid_state')) return { kind: 'stale', code: err.code };
        throw err;
      }
    },
    {
      success: false,
      onSuccess: (r) => {
        if (r.kind === 'stale') return setStale(r.code);
        qc.setQueryData([INBOUND_RECEIPTS, receipt.id], r.receipt);
        void qc.invalidateQueries({ queryKey: [INBOUND_RECEIPTS] });
        void qc.invalidateQueries({ queryKey: [STOCK] });
        void qc.invalidateQueries({ queryKey: [STOCK_MOVEMENTS] });
        void message.success(t(`inventory.receipt.done.${r.step}`, { no: r.receipt.receiptNo }));
      },
    },
  );

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setStale(null);
    } finally {
      setReloading(false);
    }
  };

  const warehouse = warehouseName(receipt.warehouseId);
  const confirmText: Record<ReceiptStep, string> = {
    confirm: t('inventory.receipt.confirm.confirm', { warehouse }),
    cancel: t('inventory.receipt.confirm.cancel'),
  };
  const actions = canWrite
    ? STEPS[receipt.status].map((s) => (
        <Popconfirm
          key={s}
          title={confirmText[s]}
          onConfirm={() => step.mutate(s)}
          okButtonProps={{ 'data-testid': `receipt-${s}-confirm` } as never}
        >
          <Button type={s === 'cancel' ? 'default' : 'primary'} danger={s === 'cancel'} data-testid={`receipt-${s}`} loading={step.isPending && step.variables === s}>
            {t(`inventory.receipt.step.${s}`)}
          </Button>
        </Popconfirm>
      ))
    : [];

  return (
    <PageCard
      title={
        <Space>
          <span data-testid="receipt-title">{t('inventory.receipt.title', { no: receipt.receiptNo })}</span>
          <ReceiptStatusTag status={receipt.status} />
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => navigate('/inbound-receipts')}>{t('common:action.back')}</Button>
          <Button data-testid="receipt-print" onClick={() => window.open(receiptPrintUrl(receipt.id), '_blank', 'noopener')}>{t('inventory.receipt.print')}</Button>
          {actions}
        </Space>
      }
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="receipt-stale"
          style={{ marginBottom: 16 }}
          message={t(`inventory.receipt.stale.${stale}`)}
          action={<Button size="small" data-testid="receipt-reload" loading={reloading} onClick={() => void reload()}>{t('inventory.receipt.reload')}</Button>}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('inventory.receipt.warehouse')}><span data-testid="receipt-warehouse-name">{warehouse}</span></Descriptions.Item>
        <Descriptions.Item label={t('inventory.receipt.supplier')}><span data-testid="receipt-supplier-name">{receipt.supplier || '—'}</span></Descriptions.Item>
        <Descriptions.Item label={t('inventory.receipt.createdBy')}>{receipt.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.receipt.createdAt')}>{formatDateTime(receipt.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.receipt.confirmedBy')}>{receipt.confirmedBy || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.receipt.confirmedAt')}>{receipt.confirmedAt ? formatDateTime(receipt.confirmedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.receipt.totalQty')}><span data-testid="receipt-total-qty">{receipt.totalQty}</span></Descriptions.Item>
        <Descriptions.Item label={t('inventory.receipt.totalCost')}><span data-testid="receipt-total-cost">{formatFen(receipt.totalCostFen)}</span></Descriptions.Item>
        <Descriptions.Item label={t('inventory.receipt.remark')}>{receipt.remark || '—'}</Descriptions.Item>
      </Descriptions>
      <Table<Line>
        size="middle"
        rowKey="skuId"
        dataSource={receipt.lines}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(r) => ({ 'data-testid': 'receipt-line-row', 'data-sku': r.skuCode }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('inventory.stock.sku'),
            key: 'sku',
            render: (_, r) => (
              <>
                <Typography.Text strong data-testid="receipt-line-sku">{r.skuCode}</Typography.Text>
                <div data-testid="receipt-line-product">{r.productName}</div>
              </>
            ),
          },
          {
            title: t('inventory.receipt.qty'),
            dataIndex: 'qty',
            width: 120,
            align: 'right',
            render: (n: number, r) => <span data-testid="receipt-line-qty">{n} <Typography.Text type="secondary">{r.baseUnit}</Typography.Text></span>,
          },
          {
            title: t('inventory.receipt.costPriceShort'),
            dataIndex: 'costPriceFen',
            width: 120,
            align: 'right',
            render: (fen: number | null) => <span data-testid="receipt-line-cost">{formatFen(fen)}</span>,
          },
          {
            title: t('inventory.receipt.amount'),
            key: 'amount',
            width: 140,
            align: 'right',
            render: (_, r) => <span data-testid="receipt-line-amount">{r.costPriceFen === null ? '—' : formatFen(r.costPriceFen * r.qty)}</span>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><Typography.Text strong>{t('inventory.receipt.total')}</Typography.Text></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><Typography.Text strong data-testid="receipt-sum-qty">{receipt.totalQty}</Typography.Text></Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
            <Table.Summary.Cell index={3} align="right"><Typography.Text strong data-testid="receipt-sum-cost">{formatFen(receipt.totalCostFen)}</Typography.Text></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </PageCard>
  );
}

function ReceiptDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useDetail<InboundReceipt>(INBOUND_RECEIPTS, id);
  if (detail.isLoading) return <Spin />;
  if (detail.error || !detail.data) return <Result status="warning" title={errorMessage(detail.error, t)} />;
  return <ReceiptView key={detail.data.id} receipt={detail.data} onReload={() => detail.refetch()} />;
}

export default function ReceiptDetailPage() {
  return <RequirePermission permission="inventory.read"><ReceiptDetail /></RequirePermission>;
}
