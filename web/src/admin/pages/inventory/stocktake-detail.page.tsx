import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, InputNumber, Popconfirm, Result, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { api } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { useDetail } from '../../../shared/hooks/use-detail';
import { formatDateTime } from '../../../shared/lib/format';
import {
  STOCK, STOCK_MOVEMENTS, STOCKTAKES, type Stocktake, type StocktakeCountsIn, type StocktakeLine, stocktakePrintUrl, type StocktakeStep,
} from '../../api/inventory';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { PageCard } from '../../components/page-card';
import { useAction } from '../../hooks/use-action';
import { signed, StocktakeStatusTag } from './receipt-parts';
import { useWarehouseName } from './transfer-parts';

type StepOutcome =
  | { kind: 'done'; stocktake: Stocktake; step: StocktakeStep }
  /** 409 insufficient_stock: a shortfall would take on hand below what is reserved; the server's detail names the SKU */
  | { kind: 'short'; detail: string | undefined }
  /** 409 version_conflict / invalid_state: someone else changed it; reload */
  | { kind: 'stale'; code: 'version_conflict' | 'invalid_state' };

/** Which steps a stocktake offers in its state: 取消 and 确认盘点 one being counted. */
const STEPS: Record<Stocktake['status'], StocktakeStep[]> = { counting: ['cancel', 'confirm'], confirmed: [], cancelled: [] };

interface Row extends StocktakeLine {
  /** the counted quantity shown: the one being typed, else the saved one */
  counted: number | null;
  short: boolean;
}

function StocktakeView({ stocktake, onReload }: { stocktake: Stocktake; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useStaff();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canWrite = me.can('inventory.write');
  const counting = stocktake.status === 'counting';
  const editable = canWrite && counting;
  const warehouseName = useWarehouseName();
  /** counted quantities typed but not saved, by SKU id (null: cleared) */
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [short, setShort] = useState<{ detail: string | undefined } | null>(null);
  const [stale, setStale] = useState<'version_conflict' | 'invalid_state' | null>(null);
  const [reloading, setReloading] = useState(false);

  /** Only edits that differ from what is saved and can be sent (the API has no way to clear a saved count). */
  const changed = stocktake.lines
    .filter((l) => l.skuId in edits && edits[l.skuId] !== null && edits[l.skuId] !== l.countedQty)
    .map((l) => ({ skuId: l.skuId, countedQty: edits[l.skuId]! }));
  const dirty = changed.length > 0;

  const apply = (after: Stocktake) => {
    qc.setQueryData([STOCKTAKES, stocktake.id], after);
    void qc.invalidateQueries({ queryKey: [STOCKTAKES] });
  };
  const staleOf = (err: unknown) =>
    isApiError(err) && (err.code === 'version_conflict' || err.code === 'invalid_state') ? err.code : null;

  const save = useAction(
    async (): Promise<Stocktake | null> => {
      setStale(null);
      setShort(null);
      const body: StocktakeCountsIn = { version: stocktake.version, counts: changed };
      try {
        return await api.put<Stocktake>(`${STOCKTAKES}/${stocktake.id}/counts`, body);
      } catch (err) {
        const code = staleOf(err);
        if (code) {
          setStale(code);
          return null;
        }
        throw err;
      }
    },
    {
      success: false,
      onSuccess: (after) => {
        if (!after) return;
        apply(after);
        setEdits({});
        void message.success(t('inventory.stocktake.saved'));
      },
    },
  );

  const step = useAction(
    async (s: StocktakeStep): Promise<StepOutcome> => {
      setShort(null);
      setStale(null);
      try {
        const after = await api.post<Stocktake>(`${STOCKTAKES}/${stocktake.id}/${s}`, { version: stocktake.version });
        return { kind: 'done', stocktake: after, step: s };
      } catch (err) {
        if (isApiError(err) && err.code === 'insufficient_stock') return { kind: 'short', detail: err.detail };
        const code = staleOf(err);
        if (code) return { kind: 'stale', code };
        throw err;
      }
    },
    {
      success: false,
      onSuccess: (r) => {
        if (r.kind === 'short') return setShort({ detail: r.detail });
        if (r.kind === 'stale') return setStale(r.code);
        apply(r.stocktake);
        setEdits({});
        void qc.invalidateQueries({ queryKey: [STOCK] });
        void qc.invalidateQueries({ queryKey: [STOCK_MOVEMENTS] });
        void message.success(t(`inventory.stocktake.done.${r.step}`, { no: r.stocktake.stocktakeNo }));
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

  const warehouse = warehouseName(stocktake.warehouseId);
  const rows: Row[] = stocktake.lines.map((l) => ({
    ...l,
    counted: l.skuId in edits ? edits[l.skuId] : l.countedQty,
    short: Boolean(short?.detail && new RegExp(`\\b${l.skuCode.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(short.detail)),
  }));
  const differing = rows.filter((r) => r.counted !== null && r.counted !== r.systemQty).length;
  const countedCount = rows.filter((r) => r.counted !== null).length;

  const confirmText: Record<StocktakeStep, string> = {
    confirm: t('inventory.stocktake.confirm.confirm', { n: differing, warehouse }),
    cancel: t('inventory.stocktake.confirm.cancel'),
  };
  const actions = canWrite
    ? STEPS[stocktake.status].map((s) => {
        const blocked = s === 'confirm' && dirty;
        const button = (
          <Button
            type={s === 'cancel' ? 'default' : 'primary'}
            danger={s === 'cancel'}
            disabled={blocked}
            data-testid={`stocktake-${s}`}
            loading={step.isPending && step.variables === s}
          >
            {t(`inventory.stocktake.step.${s}`)}
          </Button>
        );
        if (blocked) return <Tooltip key={s} title={t('inventory.stocktake.saveFirst')}>{button}</Tooltip>;
        return (
          <Popconfirm key={s} title={confirmText[s]} onConfirm={() => step.mutate(s)} okButtonProps={{ 'data-testid': `stocktake-${s}-confirm` } as never}>
            {button}
          </Popconfirm>
        );
      })
    : [];

  return (
    <PageCard
      title={
        <Space>
          <span data-testid="stocktake-title">{t('inventory.stocktake.title', { no: stocktake.stocktakeNo })}</span>
          <StocktakeStatusTag status={stocktake.status} />
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => navigate('/stocktakes')}>{t('common:action.back')}</Button>
          <Button data-testid="stocktake-print" onClick={() => window.open(stocktakePrintUrl(stocktake.id), '_blank', 'noopener')}>{t('inventory.stocktake.print')}</Button>
          {editable && (
            <Button data-testid="stocktake-save" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(undefined)}>
              {t('inventory.stocktake.save')}
            </Button>
          )}
          {actions}
        </Space>
      }
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="stocktake-stale"
          style={{ marginBottom: 16 }}
          message={t(`inventory.stocktake.stale.${stale}`)}
          action={<Button size="small" data-testid="stocktake-reload" loading={reloading} onClick={() => void reload()}>{t('inventory.stocktake.reload')}</Button>}
        />
      )}
      {short && (
        <Alert
          type="error"
          showIcon
          data-testid="stocktake-shortage"
          style={{ marginBottom: 16 }}
          message={t('inventory.stocktake.shortage')}
          description={
            <>
              <div>{t('inventory.stocktake.shortageHint')}</div>
              {short.detail && <Typography.Text type="secondary" data-testid="stocktake-shortage-detail">{short.detail}</Typography.Text>}
            </>
          }
        />
      )}
      {editable && dirty && (
        <Alert type="info" showIcon data-testid="stocktake-unsaved" style={{ marginBottom: 16 }} message={t('inventory.stocktake.unsaved')} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('inventory.stocktake.warehouse')}><span data-testid="stocktake-warehouse-name">{warehouse}</span></Descriptions.Item>
        <Descriptions.Item label={t('inventory.stocktake.createdBy')}>{stocktake.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.stocktake.createdAt')}>{formatDateTime(stocktake.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.stocktake.lineCount')}>
          <span data-testid="stocktake-progress">{t('inventory.stocktake.counted', { counted: countedCount, total: rows.length })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('inventory.stocktake.differences')}><span data-testid="stocktake-differences">{differing}</span></Descriptions.Item>
        <Descriptions.Item label={t('inventory.stocktake.confirmedAt')}>{stocktake.confirmedAt ? formatDateTime(stocktake.confirmedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inventory.stocktake.remark')} span={3}>{stocktake.remark || '—'}</Descriptions.Item>
      </Descriptions>
      {editable && <Typography.Paragraph type="secondary">{t('inventory.stocktake.countHint')}</Typography.Paragraph>}
      <Table<Row>
        size="middle"
        rowKey="skuId"
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={{ x: 760 }}
        rowClassName={(r) => (r.short ? 'stock-row-low' : '')}
        onRow={(r) => ({ 'data-testid': 'stocktake-line-row', 'data-sku': r.skuCode, 'data-short': String(r.short) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('inventory.stocktake.sku'), dataIndex: 'skuCode', width: 160, render: (code: string) => <Typography.Text strong data-testid="stocktake-line-sku">{code}</Typography.Text> },
          { title: t('inventory.stocktake.product'), dataIndex: 'productName', render: (name: string) => <span data-testid="stocktake-line-product">{name}</span> },
          { title: t('inventory.stocktake.systemQty'), dataIndex: 'systemQty', width: 120, align: 'right', render: (n: number) => <span data-testid="stocktake-line-system">{n}</span> },
          {
            title: t('inventory.stocktake.countedQty'),
            key: 'counted',
            width: 160,
            align: 'right',
            render: (_, r) =>
              editable ? (
                <InputNumber
                  data-testid="stocktake-line-counted"
                  value={r.counted}
                  min={0}
                  max={1_000_000_000}
                  precision={0}
                  placeholder={t('inventory.stocktake.notCounted')}
                  style={{ width: 130 }}
                  onChange={(n) => setEdits((e) => ({ ...e, [r.skuId]: typeof n === 'number' ? n : null }))}
                />
              ) : (
                <span data-testid="stocktake-line-counted">{r.counted ?? <Typography.Text type="secondary">{t('inventory.stocktake.notCounted')}</Typography.Text>}</span>
              ),
          },
          {
            title: t('inventory.stocktake.difference'),
            key: 'difference',
            width: 110,
            align: 'right',
            render: (_, r) => {
              if (r.counted === null) return <Typography.Text type="secondary" data-testid="stocktake-line-diff">—</Typography.Text>;
              const d = r.counted - r.systemQty;
              return (
                <Typography.Text strong={d !== 0} type={d < 0 ? 'danger' : d > 0 ? 'success' : undefined} data-testid="stocktake-line-diff">
                  {signed(d)}
                </Typography.Text>
              );
            },
          },
        ]}
      />
    </PageCard>
  );
}

function StocktakeDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useDetail<Stocktake>(STOCKTAKES, id);
  if (detail.isLoading) return <Spin />;
  if (detail.error || !detail.data) return <Result status="warning" title={errorMessage(detail.error, t)} />;
  return <StocktakeView key={detail.data.id} stocktake={detail.data} onReload={() => detail.refetch()} />;
}

export default function StocktakeDetailPage() {
  return <RequirePermission permission="inventory.read"><StocktakeDetail /></RequirePermission>;
}
