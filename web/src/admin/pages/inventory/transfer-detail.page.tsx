import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Popconfirm, Result, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-message';
import { useDetail } from '../../../shared/hooks/use-detail';
import { formatDateTime } from '../../../shared/lib/format';
import {
  transferPrintUrl,
  type ShortTransferLine, STOCK, STOCK_MOVEMENTS, STOCK_TRANSFERS, type StockTransfer, type TransferStep,
} from '../../api/inventory';
import { api } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/api-error';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { PageCard } from '../../components/page-card';
import { useAction } from '../../hooks/use-action';
import { type SkuStock, TransferStatusTag, useSkuStocks, useWarehouseName } from './transfer-parts';

type StepOutcome =
  | { kind: 'done'; transfer: StockTransfer; step: TransferStep }
  /** 409 insufficient_stock: the lines the source warehouse cannot give (empty when the server named none) */
  | { kind: 'short'; lines: ShortTransferLine[] }
  /** 409 version_conflict / invalid_state: someone else changed it; reload */
  | { kind: 'stale'; code: 'version_conflict' | 'invalid_state' };

function shortLinesOf(err: unknown): ShortTransferLine[] {
  const lines = err instanceof ApiError ? err.problem.lines : undefined;
  return Array.isArray(lines) ? (lines as ShortTransferLine[]) : [];
}

/** Which steps a transfer offers in its state: 发出 and 取消 a draft, 收货 one in transit. */
const STEPS: Record<StockTransfer['status'], TransferStep[]> = { draft: ['cancel', 'ship'], in_transit: ['receive'], received: [], cancelled: [] };

interface LineRow {
  skuId: string;
  qty: number;
  stock: SkuStock | undefined;
  short: ShortTransferLine | undefined;
}

function TransferView({ transfer, onReload }: { transfer: StockTransfer; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useStaff();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canWrite = me.can('inventory.write');
  const warehouseName = useWarehouseName();
  const stocks = useSkuStocks(transfer.lines.map((l) => l.skuId));
  const [short, setShort] = useState<ShortTransferLine[] | null>(null);
  const [stale, setStale] = useState<'version_conflict' | 'invalid_state' | null>(null);
  const [reloading, setReloading] = useState(false);

  const step = useAction(
    async (s: TransferStep): Promise<StepOutcome> => {
      setShort(null);
      setStale(null);
      try {
        const after = await api.post<StockTransfer>(`${STOCK_TRANSFERS}/${transfer.id}/${s}`, { version: transfer.version });
        return { kind: 'done', transfer: after, step: s };
      } catch (err) {
        if (isApiError(err) && err.code === 'insufficient_stock') return { kind: 'short', lines: shortLinesOf(err) };
        if (isApiError(err) && (err.code === 'version_conflict' || err.code === 'invalid_state')) return { kind: 'stale', code: err.code };
        throw err;
      }
    },
    {
      success: false,
      onSuccess: (r) => {
        if (r.kind === 'short') return setShort(r.lines);
        if (r.kind === 'stale') return setStale(r.code);
        qc.setQueryData([STOCK_TRANSFERS, transfer.id], r.transfer);
        void qc.invalidateQueries({ queryKey: [STOCK_TRANSFERS] });
        void qc.invalidateQueries({ queryKey: [STOCK] });
        void qc.invalidateQueries({ queryKey: [STOCK_MOVEMENTS] });
        void message.success(t(`inventory.transfer.done.${r.step}`, { no: r.transfer.transferNo }));
      },
    },
  );

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setStale(null);
      setShort(null);
    } finally {
      setReloading(false);
    }
  };

  const from = warehouseName(transfer.fromWarehouseId);
  const to = warehouseName(transfer.toWarehouseId);
  const rows: LineRow[] = transfer.lines.map((l) => ({ ...l, stock: stocks.get(l.skuId), short: short?.find((s) => s.skuId === l.skuId) }));
  const unitOf = (r: LineRow) => r.stock?.sku?.baseUnit ?? '';
  const levelIn = (r: LineRow, warehouseId: string) => r.stock?.levels.find((s) => s.warehouseId === warehouseId);

  const confirmText: Record<TransferStep, string> = {
    ship: t('inventory.transfer.confirm.ship', { from }),
    receive: t('inventory.transfer.confirm.receive', { to }),
    cancel: t('inventory.transfer.confirm.cancel'),
  };
  const actions = canWrite
    ? STEPS[transfer.status].map((s) => (
        <Popconfirm
          key={s}
          title={confirmText[s]}
          onConfirm={() => step.mutate(s)}
          okButtonProps={{ 'data-testid': `transfer-${s}-confirm` } as never}
        >
          <Button type={s === 'cancel' ? 'default' : 'primary'} danger={s === 'cancel'} data-testid={`transfer-${s}`} loading={step.isPending && step.variables === s}>
            {t(`inventory.transfer.step.${s}`)}
          </Button>
        </Popconfirm>
      ))
    : [];

  return (
    <PageCard
      title={
        <Space>
          <span data-testid="transfer-title">{t('inventory.transfer.title', { no: transfer.transferNo })}</span>
          <TransferStatusTag status={transfer.status} />
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => navigate('/stock-transfers')}>{t('common:action.back')}</Button>
          <Button data-testid="transfer-print" onClick={() => window.open(transferPrintUrl(transfer.id), '_blank', 'noopener')}>{t('inventory.transfer.print')}</Button>
          {actions}
        </Space>
      }
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="transfer-stale"
          style={{ marginBottom: 16 }}
          message={t(`inventory.transfer.stale.${stale}`)}
          action={<Button size="small" data-testid="transfer-reload" loading={reloading} onClick={() => void reload()}>{t('inventory.transfer.reload')}</Button>}
        />
      )}
      {short && (
        <Alert
          type="error"
          showIcon
          data-testid="transfer-shortage"
          style={{ marginBottom: 16 }}
          message={t('inventory.transfer.shortage', { from })}
          description={short.length ? t('inventory.transfer.shortageLines', { count: short.length }) : t('inventory.transfer.shortageUnknown')}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('inventory.transfer.from')}><span data-testid="transfer-from-name">{from}</span></Descriptions.Item>
        <Descriptions.Item label={t('inventory.transfer.to')}><span data-testid="transfer-to-name">{to}</span></Descriptions.Item>
        <Descriptions.Item label={t('inventory.transfer.createdBy')}>{transfer.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.transfer.createdAt')}>{formatDateTime(transfer.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.transfer.shippedAt')}>{transfer.shippedAt ? formatDateTime(transfer.shippedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.transfer.receivedAt')}>{transfer.receivedAt ? formatDateTime(transfer.receivedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.transfer.remark')} span={3}>{transfer.remark || '—'}</Descriptions.Item>
      </Descriptions>
      <Table<LineRow>
        size="middle"
        rowKey="skuId"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 760 }}
        rowClassName={(r) => (r.short ? 'stock-row-low' : '')}
        onRow={(r) => ({ 'data-testid': 'transfer-line-row', 'data-sku': r.stock?.sku?.skuCode ?? r.skuId, 'data-short': String(Boolean(r.short)) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('inventory.stock.sku'),
            key: 'sku',
            render: (_, r) => {
              const sku = r.stock?.sku;
              if (!sku) return <Typography.Text type="secondary" data-testid="transfer-line-sku">{r.stock?.loading ? '…' : r.skuId}</Typography.Text>;
              return (
                <>
                  <Typography.Text strong data-testid="transfer-line-sku">{sku.skuCode}</Typography.Text>
                  <div>
                    <span data-testid="transfer-line-product">{sku.productName}</span>
                    {sku.specText && <Typography.Text type="secondary"> {sku.specText}</Typography.Text>}
                  </div>
                </>
              );
            },
          },
          {
            title: t('inventory.transfer.qty'),
            dataIndex: 'qty',
            width: 120,
            align: 'right',
            render: (n: number, r) => <span data-testid="transfer-line-qty">{n} <Typography.Text type="secondary">{unitOf(r)}</Typography.Text></span>,
          },
          ...(transfer.status === 'draft'
            ? [{
                title: t('inventory.transfer.sourceFree', { from }),
                key: 'free',
                width: 150,
                align: 'right' as const,
                render: (_: unknown, r: LineRow) => {
                  const level = levelIn(r, transfer.fromWarehouseId);
                  const n = level ? level.available : 0;
                  return <Typography.Text type={n < r.qty ? 'danger' : undefined} data-testid="transfer-line-free">{n} {unitOf(r)}</Typography.Text>;
                },
              }]
            : []),
          ...(short
            ? [{
                title: t('inventory.transfer.check'),
                key: 'check',
                width: 300,
                render: (_: unknown, r: LineRow) =>
                  r.short ? (
                    <Typography.Text type="danger" data-testid="transfer-line-short">
                      {t('inventory.transfer.lineShort', { wanted: r.short.wanted, available: r.short.available, missing: r.short.wanted - r.short.available, unit: unitOf(r) })}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="success">{t('inventory.transfer.lineOk')}</Typography.Text>
                  ),
              }]
            : []),
        ]}
      />
    </PageCard>
  );
}

function TransferDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useDetail<StockTransfer>(STOCK_TRANSFERS, id);
  if (detail.isLoading) return <Spin />;
  if (detail.error || !detail.data) return <Result status="warning" title={errorMessage(detail.error, t)} />;
  return <TransferView key={detail.data.id} transfer={detail.data} onReload={() => detail.refetch()} />;
}

export default function TransferDetailPage() {
  return <RequirePermission permission="inventory.read"><TransferDetail /></RequirePermission>;
}
