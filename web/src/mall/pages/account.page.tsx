import { Button, Dialog, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../../shared/api/auth';
import { errorMessage } from '../../shared/api/error-message';
import { useSession } from '../../shared/hooks/use-session';
import { useMember } from '../auth/use-member';
import { LanguageSwitch } from '../components/language-switch';
import { OrderShortcuts } from '../components/order-shortcuts';
import { StockAlertsBadge } from '../components/stock-alerts-badge';
import { useAccount } from '../hooks/use-account';

/** 我的: own login and company, my orders by status, ordering shortcuts, the company's lists, language, password and sessions. */
export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMember();
  const account = useAccount();
  const session = useSession();
  const navigate = useNavigate();
  const customer = account.data?.customer;

  const logout = async () => {
    await session.logout(() => navigate('/login', { replace: true }));
  };
  const logoutOthers = async () => {
    const ok = await Dialog.confirm({ content: t('account.logoutOthersConfirm') });
    if (!ok) return;
    try {
      const { revoked } = await authApi.logoutOthers();
      Toast.show({ icon: 'success', content: t('common:message.loggedOutOthers', { count: revoked }) });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err, t) });
    }
  };

  return (
    <>
      <div className="dh-navbar"><NavBar backIcon={false}>{t('tab.me')}</NavBar></div>
      <div className="dh-section">
        <List>
          <List.Item
            description={[me.username, me.phone].filter(Boolean).join(' · ')}
            extra={<Tag color="primary" fill="outline">{t(`common:memberRole.${me.memberRole}`)}{me.isAdmin ? ` · ${t('account.mainAccount')}` : ''}</Tag>}
          >
            <span data-testid="account-name" style={{ fontSize: 17, fontWeight: 600 }}>{me.name}</span>
          </List.Item>
        </List>
      </div>
      <div className="dh-section">
        <List header={t('account.company')}>
          <List.Item extra={customer?.code ?? me.customer.code} data-testid="account-company">{customer?.name ?? me.customer.name}</List.Item>
          <List.Item extra={t(`common:customerType.${me.customer.type}`)}>{t('account.customerType')}</List.Item>
          <List.Item extra={me.customer.levelName ?? '—'} data-testid="account-level">{t('common:level')}</List.Item>
          {customer?.regionName && <List.Item extra={customer.regionName}>{t('common:field.region')}</List.Item>}
        </List>
      </div>
      <div className="dh-section">
        <List>
          <List.Item data-testid="to-orders" extra={t('orders.all')} onClick={() => navigate('/orders')}>{t('orders.title')}</List.Item>
        </List>
        <OrderShortcuts />
      </div>
      <div className="dh-section">
        <List>
          <List.Item data-testid="to-finance" onClick={() => navigate('/me/finance')}>{t('finance.entry')}</List.Item>
          <List.Item data-testid="to-invoice-records" onClick={() => navigate('/me/invoice-records')}>{t('invoicing.records')}</List.Item>
        </List>
      </div>
      <div className="dh-section">
        <List>
          {me.canEdit && <List.Item data-testid="to-quick-order" onClick={() => navigate('/quick-order')}>{t('quick.title')}</List.Item>}
          <List.Item data-testid="to-saved-lists" onClick={() => navigate('/me/lists')}>{t('lists.title')}</List.Item>
        </List>
      </div>
      <div className="dh-section">
        <List>
          <List.Item data-testid="to-favourites" onClick={() => navigate('/me/favourites')}>{t('catalog.favourites')}</List.Item>
          <List.Item data-testid="to-recent" onClick={() => navigate('/me/recent')}>{t('catalog.recent')}</List.Item>
          <List.Item data-testid="to-stock-alerts" extra={<StockAlertsBadge />} onClick={() => navigate('/me/stock-alerts')}>{t('stockAlerts.title')}</List.Item>
          <List.Item data-testid="to-compare" onClick={() => navigate('/compare')}>{t('catalog.compare')}</List.Item>
        </List>
      </div>
      <div className="dh-section">
        <List>
          <List.Item data-testid="to-addresses" onClick={() => navigate('/me/addresses')}>{t('account.addresses')}</List.Item>
          <List.Item data-testid="to-invoices" onClick={() => navigate('/me/invoices')}>{t('account.invoices')}</List.Item>
          <List.Item data-testid="to-members" onClick={() => navigate('/me/members')}>{t('account.members')}</List.Item>
        </List>
      </div>
      <div className="dh-section">
        <List>
          <List.Item extra={<LanguageSwitch />}>{t('common:language.label')}</List.Item>
          <List.Item data-testid="to-password" onClick={() => navigate('/me/password')}>{t('common:action.changePassword')}</List.Item>
          <List.Item data-testid="logout-others" onClick={() => void logoutOthers()}>{t('common:action.logoutOthers')}</List.Item>
        </List>
      </div>
      <div className="dh-footer-actions">
        <Button data-testid="logout" block color="danger" fill="outline" onClick={() => void logout()}>{t('common:action.logout')}</Button>
      </div>
    </>
  );
}
