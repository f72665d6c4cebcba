import { Alert, Card, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api/error-message';
import type { CustomerDetail } from '../../../shared/api/types';
import { useDetail } from '../../../shared/hooks/use-detail';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { CustomerStatusTag } from '../../components/status-tag';
import { AddressesTab } from './addresses.tab';
import { CustomerAccountTab } from './customer-account.tab';
import { ContactsTab } from './contacts.tab';
import { CustomerActions } from './customer-actions';
import { CustomerOrderRulesCard } from './customer-order-rules.card';
import { CustomerPricesTab } from './customer-prices.tab';
import { CustomerProfileCard } from './customer-profile.card';
import { InvoiceProfilesTab } from './invoice-profiles.tab';
import { MembersTab } from './members.tab';

function CustomerDetailView() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useStaff();
  const detail = useDetail<CustomerDetail>('/admin/customers', id);
  if (detail.isLoading) return <Spin />;
  if (!detail.data) return <Result status="warning" title={errorMessage(detail.error, t)} extra={<Link to="/customers">{t('common:action.back')}</Link>} />;
  const c = detail.data;
  const canWrite = me.can('customers.write');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card variant="borderless">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Link to="/customers">← {t('menu.customers')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-title">{c.name}</Typography.Title>
            <Typography.Text type="secondary">{c.code}</Typography.Text>
            <span data-testid="customer-status"><CustomerStatusTag status={c.status} /></span>
          </Space>
          <CustomerActions customer={c} />
        </Space>
        {c.status === 'rejected' && c.rejectReason && (
          <Alert type="error" showIcon style={{ marginTop: 16 }} message={t('customers.rejectedBecause', { reason: c.rejectReason })} />
        )}
      </Card>
      <CustomerProfileCard customer={c} canWrite={canWrite} />
      <CustomerOrderRulesCard customer={c} canWrite={canWrite} />
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'contacts', label: t('customers.tabs.contacts'), children: <ContactsTab customer={c} canWrite={canWrite} /> },
            { key: 'addresses', label: <span data-testid="tab-addresses">{t('customers.tabs.addresses')}</span>, children: <AddressesTab customer={c} canWrite={canWrite} /> },
            { key: 'invoices', label: t('customers.tabs.invoices'), children: <InvoiceProfilesTab customer={c} canWrite={canWrite} /> },
            { key: 'members', label: <span data-testid="tab-members">{t('customers.tabs.members')}</span>, children: <MembersTab customer={c} canWrite={canWrite} /> },
            ...(me.can('finance.read')
              ? [{ key: 'account', label: <span data-testid="tab-account">{t('finance.account.tab')}</span>, children: <CustomerAccountTab customer={c} /> }]
              : []),
            ...(me.can('catalog.read')
              ? [{ key: 'prices', label: <span data-testid="tab-prices">{t('customers.tabs.prices')}</span>, children: <CustomerPricesTab customer={c} /> }]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}

export default function CustomerDetailPage() {
  return <RequirePermission permission="customers.read"><CustomerDetailView /></RequirePermission>;
}
