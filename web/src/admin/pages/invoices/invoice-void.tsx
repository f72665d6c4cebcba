import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { formatFen } from '../../api/catalog';
import { type Invoice, invoicesApi } from '../../api/invoices';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';

/** 作废 of one issued invoice, with a reason; its amounts may then be invoiced again. */
export function InvoiceVoid({ invoice, onChanged }: { invoice: Invoice; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const done = () => {
    setOpen(false);
    onChanged();
  };
  const voidIt = useAction(invoicesApi.void, { success: t('invoicing.voided'), onSuccess: done });
  return (
    <>
      <Button size="small" danger data-testid="invoice-void" onClick={() => setOpen(true)}>{t('invoicing.void')}</Button>
      <FormModal<{ reason: string }>
        open={open}
        title={t('invoicing.voidTitle', { no: invoice.invoiceNo })}
        okText={t('invoicing.void')}
        form={form}
        saving={voidIt.isPending}
        onCancel={() => setOpen(false)}
        onSubmit={(v) => voidIt.mutate({ id: invoice.id, version: invoice.version, reason: v.reason.trim() }, {
          // Voided or changed meanwhile: show the list as it is now.
          onError: (err) => { if (isApiError(err) && ['invoice_state_conflict', 'version_conflict'].includes(err.code)) done(); },
        })}
      >
        <p>{[invoice.customerName, formatFen(invoice.amountFen)].join(' · ')}</p>
        <Form.Item name="reason" label={t('invoicing.voidReason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input.TextArea data-testid="invoice-void-reason" rows={2} maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
