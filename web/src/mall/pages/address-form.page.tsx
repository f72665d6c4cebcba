import { Button, ErrorBlock, Form, Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Address } from '../../shared/api/types';
import { useRules } from '../../shared/forms/use-rules';
import { useRegions } from '../../shared/hooks/use-regions';
import { addressRegionText } from '../../shared/lib/regions';
import { safeNext } from '../../shared/lib/safe-next';
import { PageLoading } from '../components/page-loading';
import { AddressRegionItem } from '../components/address-region-item';
import { TextAreaInput, TextInput } from '../components/text-input';
import { useItemForm } from '../hooks/use-item-form';
import { SubPage } from '../layout/sub-page';
import { ADDRESSES } from './addresses.page';

interface Values {
  receiver: string;
  phone: string;
  regionId?: string | null;
  regionText?: string;
  detail: string;
  isDefault: boolean;
}

/** Add or edit a delivery address; `?next=/checkout` returns to the checkout after saving. */
export default function AddressFormPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const regions = useRegions();
  const [params] = useSearchParams();
  const back = safeNext(params.get('next'), '/me/addresses');
  const { isNew, item, loading, missing, save } = useItemForm<Address, object>(ADDRESSES, back, form);
  const submit = (v: Values) => save.mutate({
    receiver: v.receiver.trim(),
    phone: v.phone.trim(),
    regionId: v.regionId ?? null,
    regionText: addressRegionText(regions.data ?? [], v),
    detail: v.detail.trim(),
    isDefault: v.isDefault,
  });

  let body;
  if (loading) body = <PageLoading />;
  else if (missing) body = <ErrorBlock status="empty" title={t('common:error.not_found')} description="" />;
  else {
    body = (
      <Form
        form={form}
        mode="card"
        initialValues={item ?? { isDefault: false }}
        onFinish={submit}
        footer={<Button data-testid="address-save" block type="submit" color="primary" loading={save.isPending}>{t('common:action.save')}</Button>}
      >
        <Form.Item name="receiver" label={t('common:address.receiver')} rules={[rules.required('common:address.receiver')]}>
          <TextInput testId="address-receiver" />
        </Form.Item>
        <Form.Item name="phone" label={t('common:address.phone')} rules={[rules.required('common:address.phone'), rules.phone]}>
          <TextInput testId="address-phone" type="tel" />
        </Form.Item>
        <AddressRegionItem />
        <Form.Item name="detail" label={t('common:address.detail')} rules={[rules.required('common:address.detail')]}>
          <TextAreaInput testId="address-detail" placeholder={t('addresses.detailPlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="isDefault" label={t('common:address.isDefault')} layout="horizontal" childElementPosition="right" valuePropName="checked">
          <Switch data-testid="address-default" />
        </Form.Item>
      </Form>
    );
  }
  return <SubPage title={isNew ? t('addresses.add') : t('addresses.edit')} back={back}>{body}</SubPage>;
}
