import { Button } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STOCK_ALERTS, stockAlertsApi, useStockAlerts } from '../api/stock-alerts';
import { useAction } from '../hooks/use-action';

/** 到货通知我: on an out-of-stock SKU, a member registers interest once; the button then says it is registered. */
export function StockAlertButton({ skuId }: { skuId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const alerts = useStockAlerts();
  const waiting = alerts.data?.items.some((a) => a.skuId === skuId && !a.notifiedAt);
  const register = useAction(stockAlertsApi.register, { success: t('stockAlerts.registered'), onSuccess: () => void qc.invalidateQueries({ queryKey: [STOCK_ALERTS] }) });
  if (waiting) return <span className="dh-muted" data-testid="stock-alert-registered">{t('stockAlerts.waiting')}</span>;
  return (
    <Button size="mini" color="primary" fill="outline" data-testid="stock-alert" loading={register.isPending} onClick={() => register.mutate(skuId)}>
      {t('stockAlerts.notifyMe')}
    </Button>
  );
}
