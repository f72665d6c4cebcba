import { type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '../../../shared/hooks/use-idempotency-key';
import { yuanToFen } from '../../api/finance';
import { type FinanceCategory, type FinanceRecord, RECORDS, reportsApi, SUMMARY } from '../../api/finance-reports';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { chinaToday } from '../../../shared/lib/china-day';

interface RecordForm { categoryId: string; amount: number; occurredOn: Dayjs; account?: string; counterparty?: string; note?: string }

/** 记一笔: one income or expense; the direction follows the category. One Idempotency-Key per submission. */
export function RecordDialog({ open, categories, onClose }: { open: boolean; categories: FinanceCategory[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecordForm>();
  const idem = useIdempotencyKey();
  const save = useAction(reportsApi.record, { invalidate: [[RECORDS], [SUMMARY]], success: t('reports.records.recorded'), form, onSuccess: () => { idem.reset(); onClose(); } });
  const active = categories.filter((c) => c.active);
  const required = (key: string) => ({ required: true, message: t('common:validation.required', { field: t(key) }) });
  return (
    <FormModal<RecordForm>
      open={open}
      title={t('reports.records.add')}
      form={form}
      saving={save.isPending}
      initialValues={{ occurredOn: dayjs(chinaToday()) }}
      onCancel={onClose}
      onSubmit={(v) => {
        const body = {
          categoryId: v.categoryId, amountFen: yuanToFen(v.amount.toFixed(2))!, occurredOn: v.occurredOn.format('YYYY-MM-DD'),
          account: v.account?.trim() || undefined, counterparty: v.counterparty?.trim() || undefined, note: v.note?.trim() || undefined,
        };
        save.mutate({ key: idem.keyFor(body), ...body });
      }}
    >
      <Form.Item name="categoryId" label={t('reports.records.category')} rules={[required('reports.records.category')]}>
        <Select
          data-testid="record-category"
          options={(['expense', 'income'] as const).map((d) => ({
            label: t(`reports.records.directionName.${d}`),
            options: active.filter((c) => c.direction === d).map((c) => ({ value: c.id, label: c.name })),
          }))}
        />
      </Form.Item>
      <Form.Item name="amount" label={t('reports.records.amount')} rules={[required('reports.records.amount')]}>
        <InputNumber data-testid="record-amount" min={0.01} precision={2} style={{ width: '100%' }} addonBefore="¥" />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('reports.records.occurredOn')} rules={[required('reports.records.occurredOn')]}>
        <DatePicker data-testid="record-date" allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="account" label={t('reports.records.account')}><Input maxLength={40} placeholder={t('reports.records.accountHint')} data-testid="record-account" /></Form.Item>
      <Form.Item name="counterparty" label={t('reports.records.counterparty')}><Input maxLength={100} data-testid="record-counterparty" /></Form.Item>
      <Form.Item name="note" label={t('reports.records.note')}><Input.TextArea maxLength={300} rows={2} data-testid="record-note" /></Form.Item>
    </FormModal>
  );
}

/** 作废: asks for the reason, then voids the record (it stays, marked 已作废). */
export function VoidDialog({ record, onClose }: { record: FinanceRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const act = useAction(reportsApi.voidRecord, { invalidate: [[RECORDS], [SUMMARY]], success: t('reports.records.voided'), onSuccess: () => { setReason(''); onClose(); } });
  return (
    <Modal
      open={!!record}
      title={record ? t('reports.records.voidTitle', { no: record.recordNo }) : ''}
      okText={t('reports.records.void')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: act.isPending, 'data-testid': 'void-confirm' } as ButtonProps}
      onOk={() => record && act.mutate({ id: record.id, reason: reason.trim(), version: record.version })}
      onCancel={onClose}
      destroyOnHidden
    >
      <Input.TextArea data-testid="void-reason" rows={2} maxLength={300} placeholder={t('reports.records.voidReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}
