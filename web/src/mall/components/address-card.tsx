import { useTranslation } from 'react-i18next';

interface AddressLike {
  receiver: string;
  phone: string;
  regionText: string;
  detail: string;
}

/** Receiver, phone and the full address, as shown at checkout and on an order. */
export function AddressCard({ address, onClick, testId = 'address-card' }: { address: AddressLike | undefined; onClick?: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className={onClick ? 'dh-address-card dh-clickable' : 'dh-address-card'} data-testid={testId} onClick={onClick} role={onClick ? 'button' : undefined}>
      {address ? (
        <>
          <div className="dh-address-who"><span>{address.receiver}</span><span className="dh-muted">{address.phone}</span></div>
          <div className="dh-address-where">{address.regionText} {address.detail}</div>
        </>
      ) : <div className="dh-muted">{t('checkout.noAddress')}</div>}
      {onClick && <span className="dh-chevron" aria-hidden>›</span>}
    </div>
  );
}
