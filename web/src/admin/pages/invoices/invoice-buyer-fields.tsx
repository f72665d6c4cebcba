import { Col, Form, type FormInstance, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvoiceProfile } from '../../../shared/api/types';
import { useRules } from '../../../shared/forms/use-rules';
import type { InvoiceBuyer, InvoiceKind, InvoiceRequest } from '../../api/invoices';

export interface BuyerForm { kind: InvoiceKind; source?: string; title: string; taxNo: string; address?: string; phone?: string; bankName?: string; bankAccount?: string }

/** Fills the buyer fields from an order's request or one of the customer's invoice profiles. */
export function fillBuyer(form: FormInstance, from: (Partial<InvoiceBuyer> & { kind: InvoiceKind; title: string; taxNo: string }) | undefined, source?: string) {
  if (!from) return;
  form.setFieldsValue({
    source, kind: from.kind, title: from.title, taxNo: from.taxNo, address: from.address ?? undefined, phone: from.phone ?? undefined,
    bankName: from.bankName ?? undefined, bankAccount: from.bankAccount ?? undefined,
  });
}

/** 购方: where the details come from (the order's request or a profile), the type, and the details themselves (editable). */
export function InvoiceBuyerFields({ form, request, profiles }: { form: FormInstance; request: InvoiceRequest | null | undefined; profiles: InvoiceProfile[] }) {
  const { t } = useTranslation();
  const rules = useRules();
  const special = Form.useWatch('kind', form) === 'special';
  const need = (field: string) => ({ required: special, message: t('common:validation.required', { field }) });
  const options = [
    ...(request ? [{ value: 'request', label: t('invoicing.form.fromRequest') }] : []),
    ...profiles.map((p) => ({ value: p.id, label: t('invoicing.form.fromProfile', { title: `${p.title}（${t(`common:invoiceKind.${p.kind}`)}）` }) })),
  ];
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="source" label={t('invoicing.form.buyerFrom')}>
            <Select
              data-testid="invoice-issue-buyer-source"
              options={options}
              onChange={(v: string) => fillBuyer(form, v === 'request' ? request ?? undefined : profiles.find((p) => p.id === v), v)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('invoicing.form.kind')}>
            <Radio.Group data-testid="invoice-issue-kind" options={(['normal', 'special'] as const).map((k) => ({ value: k, label: t(`common:invoiceKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="title" label={t('common:invoice.title')} rules={[rules.required('common:invoice.title')]}>
            <Input data-testid="invoice-issue-title" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="taxNo" label={t('common:invoice.taxNo')} rules={[rules.required('common:invoice.taxNo'), rules.taxNo]}>
            <Input data-testid="invoice-issue-taxno" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('common:invoice.address')} rules={[need(t('common:invoice.address'))]}><Input maxLength={200} /></Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('common:invoice.phone')} rules={[need(t('common:invoice.phone'))]}><Input maxLength={20} /></Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="bankName" label={t('common:invoice.bankName')} rules={[need(t('common:invoice.bankName'))]}><Input maxLength={100} /></Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="bankAccount" label={t('common:invoice.bankAccount')} rules={[need(t('common:invoice.bankAccount')), rules.bankAccount]}><Input maxLength={40} /></Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The buyer as the API takes it (empty fields → null). */
export const buyerOf = (v: BuyerForm) => ({
  title: v.title.trim(), taxNo: v.taxNo.trim(), address: v.address?.trim() || null, phone: v.phone?.trim() || null,
  bankName: v.bankName?.trim() || null, bankAccount: v.bankAccount?.trim() || null,
});
