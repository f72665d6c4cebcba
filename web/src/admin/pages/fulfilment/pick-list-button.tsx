import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { PICK_LISTS, type PickList, pickListPrintUrl, type Shipment, SHIPMENTS } from '../../api/fulfilment';
import { useFulfilmentAction } from './use-fulfilment-action';

/**
 * 合并拣货单: one picking list for the selected shipments (all 拣货中, one warehouse), opened for printing. The tab is
 * opened on the click itself (a tab opened after the answer would be a blocked pop-up) and pointed at the list after.
 */
export function PickListButton({ selected, onDone }: { selected: Shipment[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useFulfilmentAction(
    async ({ win }: { win: Window | null }) => {
      try {
        const list = await api.post<PickList>(PICK_LISTS, { shipmentIds: selected.map((s) => s.id) });
        if (win) win.location.href = pickListPrintUrl(list.id);
        else window.open(pickListPrintUrl(list.id), '_blank', 'noopener');
        return list;
      } catch (err) {
        win?.close();
        throw err;
      }
    },
    {
      invalidate: [[SHIPMENTS]],
      success: false,
      onSuccess: (list) => {
        void message.success(t('fulfilment.list.pickListCreated', { no: list.pickNo }));
        onDone();
      },
    },
  );
  const warehouses = new Set(selected.map((s) => s.warehouseId));
  const mixed = warehouses.size > 1;
  const button = (
    <Button
      type="primary"
      data-testid="pick-list-create"
      disabled={!selected.length || mixed}
      loading={create.isPending}
      onClick={() => {
        const win = window.open('', '_blank');
        if (win) win.opener = null;
        create.mutate({ win });
      }}
    >
      {t('fulfilment.list.pickList', { count: selected.length })}
    </Button>
  );
  return mixed ? <Tooltip title={t('fulfilment.list.pickListOneWarehouse')}>{button}</Tooltip> : button;
}
