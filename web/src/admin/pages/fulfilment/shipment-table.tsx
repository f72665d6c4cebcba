import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/lib/format';
import type { Shipment, ShipmentStatus } from '../../api/fulfilment';
import { linesSummary, ShipmentStatusTag, TrackingStateTag } from './shipment-parts';

interface Props {
  shipments: Shipment[];
  loading: boolean;
  /** the tab's status: decides the date column shown */
  status: ShipmentStatus;
  showWarehouse: boolean;
  /** row selection (拣货中: for a merged picking list) */
  selected?: string[];
  onSelect?: (ids: string[]) => void;
}

const DATE_OF: Record<ShipmentStatus, keyof Shipment & `${string}At`> = {
  picking: 'createdAt', packed: 'packedAt', shipped: 'shippedAt', delivered: 'deliveredAt', cancelled: 'cancelledAt',
};

/** 发货单 rows of one status; the number links to the shipment page. */
export function ShipmentTable({ shipments, loading, status, showWarehouse, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const dateKey = DATE_OF[status];
  const gone = status === 'shipped' || status === 'delivered';
  return (
    <Table<Shipment>
      size="middle"
      rowKey="id"
      dataSource={shipments}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('fulfilment.list.empty') }}
      rowSelection={onSelect ? { selectedRowKeys: selected, onChange: (keys: Key[]) => onSelect(keys as string[]) } : undefined}
      onRow={(s) => ({ 'data-testid': 'shipment-row', 'data-no': s.shipmentNo, 'data-order-no': s.orderNo ?? '', 'data-status': s.status }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('fulfilment.list.no'),
          dataIndex: 'shipmentNo',
          width: 140,
          render: (no: string, s) => (
            <>
              <Link to={`/shipments/${s.id}`} data-testid="shipment-row-no">{no}</Link>
              {s.status !== status && <div><ShipmentStatusTag status={s.status} /></div>}
              {s.pickListId && status === 'picking' && <div><Tag bordered={false}>{t('fulfilment.list.inPickList')}</Tag></div>}
            </>
          ),
        },
        { title: t('fulfilment.list.orderNo'), dataIndex: 'orderNo', width: 180, render: (no: string | null, s) => <Link to={`/orders/${s.orderId}`}>{no ?? '—'}</Link> },
        ...(showWarehouse ? [{ title: t('fulfilment.list.warehouse'), dataIndex: 'warehouseName', width: 110, render: (w: string | null) => w ?? '—' }] : []),
        { title: t('fulfilment.list.customer'), dataIndex: 'customerName', width: 180, render: (c: string | null) => c ?? '—' },
        { title: t('fulfilment.list.goods'), key: 'goods', render: (_, s) => <Typography.Text type="secondary">{linesSummary(t, s.lines)}</Typography.Text> },
        ...(status === 'picking' ? [] : [{ title: t('fulfilment.list.packages'), dataIndex: 'packages', width: 70, align: 'right' as const }]),
        ...(gone
          ? [{
              title: t('fulfilment.list.carrier'),
              key: 'carrier',
              width: 220,
              render: (_: unknown, s: Shipment) => (
                <>
                  <span data-testid="shipment-row-carrier">{[s.carrierName, s.trackingNo].filter(Boolean).join(' ') || '—'}</span>
                  {s.trackingState && <div><TrackingStateTag state={s.trackingState} /></div>}
                </>
              ),
            }]
          : []),
        { title: t(`fulfilment.list.${dateKey}`), dataIndex: dateKey, width: 150, render: (v: string | null) => formatDateTime(v) },
      ]}
    />
  );
}
