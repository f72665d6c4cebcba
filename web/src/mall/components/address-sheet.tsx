import { Button, CheckList, Popup } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Address } from '../../shared/api/types';

interface Props {
  visible: boolean;
  addresses: Address[];
  value: string | undefined;
  onChange: (id: string) => void;
  onAdd: () => void;
  onClose: () => void;
}

/** The company's addresses to deliver to, in a sheet from the bottom; or go and add one. */
export function AddressSheet({ visible, addresses, value, onChange, onAdd, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '75vh', overflowY: 'auto' }}>
      <div className="dh-sheet" data-testid="address-sheet">
        <div className="dh-sheet-title">{t('checkout.chooseAddress')}</div>
        <CheckList value={value ? [value] : []} onChange={(v) => { if (v[0]) { onChange(String(v[0])); onClose(); } }}>
          {addresses.map((a) => (
            <CheckList.Item key={a.id} value={a.id} data-testid="address-option" description={`${a.regionText} ${a.detail}`}>
              {a.receiver} <span className="dh-muted">{a.phone}</span>
            </CheckList.Item>
          ))}
        </CheckList>
        <div className="dh-footer-actions">
          <Button block color="primary" fill="outline" data-testid="checkout-add-address" onClick={onAdd}>{t('addresses.add')}</Button>
        </div>
      </div>
    </Popup>
  );
}
