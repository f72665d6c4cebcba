import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

/** The status tab of an inventory document list (入库单, 调拨单, 盘点单), kept in `?status=` so a reload keeps it. */
export function useStatusTab<S extends string>(statuses: readonly S[]): { tab: S | 'all'; status: S | undefined; setTab: (key: string) => void } {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = (statuses as readonly string[]).includes(raw ?? '') ? (raw as S) : undefined;
  return { tab: status ?? 'all', status, setTab: (key) => setParams(key === 'all' ? {} : { status: key }, { replace: true }) };
}

/** 全部 plus one tab per status; labels from `inventory.<kind>.all` and `inventory.<kind>.status.<status>`. */
export function StatusTabs({ kind, statuses, tab, onChange }: { kind: 'receipt' | 'transfer' | 'stocktake'; statuses: readonly string[]; tab: string; onChange: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <Tabs
      activeKey={tab}
      onChange={onChange}
      items={['all', ...statuses].map((key) => ({
        key, label: <span data-testid={`${kind}-tab-${key}`}>{t(key === 'all' ? `inventory.${kind}.all` : `inventory.${kind}.status.${key}`)}</span>,
      }))}
    />
  );
}
