import { ImageUploader, type ImageUploadItem, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api-error';
import { financeApi, type MyAccount } from '../api/finance';
import { mallErrorMessage } from '../lib/error-text';

const MAX_VOUCHERS = 3;
const MAX_BYTES = 5 * 1024 * 1024;

/** 转账凭证: up to three images, each uploaded as soon as it is picked; `extra` of each item is the voucher's id. */
export function VoucherUploader({ files, onChange, onUploading }: { files: ImageUploadItem[]; onChange: (f: ImageUploadItem[]) => void; onUploading: (delta: number) => void }) {
  const { t } = useTranslation();
  const upload = async (file: File): Promise<ImageUploadItem> => {
    onUploading(1);
    try {
      const v = await financeApi.uploadVoucher(file);
      return { url: v.url, extra: v.id };
    } catch (err) {
      const text = isApiError(err) && err.code === 'unsupported_media_type' ? t('pay.voucherType') : mallErrorMessage(err, t);
      Toast.show({ icon: 'fail', content: text });
      throw err;
    } finally {
      onUploading(-1);
    }
  };
  return (
    <div data-testid="pay-vouchers">
      <ImageUploader
        value={files}
        onChange={onChange}
        upload={upload}
        maxCount={MAX_VOUCHERS}
        multiple
        accept="image/jpeg,image/png,image/webp"
        beforeUpload={(file) => {
          if (file.size > MAX_BYTES) {
            Toast.show({ content: t('pay.voucherTooBig') });
            return null;
          }
          return file;
        }}
      />
    </div>
  );
}

/** The company's 收款账户 and how a transfer is confirmed. */
export function BankAccountInfo({ bank }: { bank: MyAccount['bankAccount'] | undefined }) {
  const { t } = useTranslation();
  const hasBank = Boolean(bank && (bank.accountNo || bank.bankName));
  return (
    <>
      <div className="dh-pay-label" style={{ marginTop: 0 }}>{t('pay.bankAccount')}</div>
      {hasBank && bank ? (
        <div className="dh-pay-bank" data-testid="pay-bank-account">
          <div><span className="dh-muted">{t('pay.accountName')}</span> {bank.accountName}</div>
          <div><span className="dh-muted">{t('pay.bankName')}</span> {bank.bankName}</div>
          <div><span className="dh-muted">{t('pay.accountNo')}</span> <b style={{ wordBreak: 'break-all' }}>{bank.accountNo}</b></div>
        </div>
      ) : (
        <div className="dh-pay-note">{t('pay.bankMissing')}</div>
      )}
    </>
  );
}
