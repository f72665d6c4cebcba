import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { FieldsForm } from '../../../shared/forms/form-errors';
import type { Settings, VersionedSettings } from '../../../shared/api/types';
import type { OrderSettings, ShippingRule } from '../../api/orders';
import { useAction } from '../../hooks/use-action';

export const SETTINGS = '/admin/settings';

/** The settings document with the order sections of docs/api.md (Settings.orders, Settings.shippingRules). */
export type AllSettings = Settings & { orders?: OrderSettings; shippingRules?: ShippingRule[] };
export interface VersionedAllSettings extends Omit<VersionedSettings, 'settings'> {
  settings: AllSettings;
}

export const useSettings = () => useQuery({ queryKey: [SETTINGS], queryFn: () => api.get<VersionedAllSettings>(SETTINGS) });

/** Saves one section: the whole document goes back with the version read (0 before the first save). */
export function useSaveSettings(form?: FieldsForm) {
  const qc = useQueryClient();
  const current = useSettings();
  return useAction(
    (section: Partial<AllSettings>) =>
      api.put<VersionedAllSettings>(SETTINGS, { settings: { ...current.data?.settings, ...section }, version: current.data?.version ?? 0 }),
    {
      form,
      onSuccess: (res) => {
        qc.setQueryData([SETTINGS], res);
        void qc.invalidateQueries({ queryKey: ['tenant'] });
      },
    },
  );
}
