import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { api } from '../../../shared/api/client';
import { applyFormErrors, type FieldsForm } from '../../../shared/forms/form-errors';
import { FULFILMENT_QUEUE, type Shipment, SHIPMENTS, shipmentPath } from '../../api/fulfilment';
import { ORDERS } from '../../api/orders';
import { fulfilmentErrorMessage } from './fulfilment-error';

export type StepRequest =
  | { step: 'pack'; body: { packages: number; weightGrams?: number } }
  | { step: 'ship'; body: { carrierCode: string; trackingNo?: string; requestWaybill?: boolean } }
  | { step: 'cancel' }
  | { step: 'refresh' };

/**
 * A step of one shipment (打包, 发货, 取消, 刷新物流), sending the version read. The answer replaces the cached shipment
 * and the lists, the queue and the order are re-read. A 409 (someone else moved it on) reloads the shipment and says so.
 */
export function useShipmentStep(shipment: Shipment, opts: { form?: FieldsForm; onDone: () => void; onStale: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: StepRequest) =>
      r.step === 'refresh'
        ? api.post<Shipment>(`${shipmentPath(shipment.id)}/tracking/refresh`)
        : api.post<Shipment>(`${shipmentPath(shipment.id)}/${r.step}`, { version: shipment.version, ...('body' in r ? r.body : {}) }),
    onSuccess: async (after, r) => {
      qc.setQueryData([SHIPMENTS, after.id], after);
      opts.onDone();
      void message.success(r.step === 'refresh' ? t('fulfilment.shipment.refreshed') : t(`fulfilment.shipment.done.${r.step}`, { no: after.shipmentNo }));
      await Promise.all([
        qc.invalidateQueries({ queryKey: [SHIPMENTS, 'list'] }),
        qc.invalidateQueries({ queryKey: [FULFILMENT_QUEUE] }),
        qc.invalidateQueries({ queryKey: [ORDERS] }),
      ]);
    },
    onError: async (err, r) => {
      if (isApiError(err) && err.status === 409 && (err.code === 'version_conflict' || err.code === 'invalid_state')) {
        opts.onDone();
        await opts.onStale();
        void message.warning(t('fulfilment.shipment.stale'));
        return;
      }
      if (r.step === 'ship' && opts.form && applyFormErrors(opts.form, err)) return;
      void message.error(fulfilmentErrorMessage(err, t));
    },
  });
}
