import { Card, Empty, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useTenant } from '../../shared/hooks/use-tenant';
import { useMember } from '../auth/use-member';

/** 首页: who is ordering for which company; the catalogue will live here once it exists. */
export default function HomePage() {
  const { t } = useTranslation();
  const tenant = useTenant();
  const me = useMember();
  const navigate = useNavigate();
  return (
    <>
      <div className="dh-navbar">
        <NavBar backIcon={false} data-testid="home-title">{tenant.data?.name ?? t('common:brand')}</NavBar>
      </div>
      <div className="dh-section">
        <Card>
          <div style={{ fontSize: 18, fontWeight: 600 }} data-testid="greeting">{t('home.greeting', { name: me.name })}</div>
          <div style={{ marginTop: 6, display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
            <span data-testid="home-company">{me.customer.name}</span>
            <Tag color="primary" fill="outline">{t(`common:customerType.${me.customer.type}`)}</Tag>
            {me.customer.levelName && <Tag color="warning" fill="outline">{me.customer.levelName}</Tag>}
          </div>
        </Card>
      </div>
      <div className="dh-section">
        <Empty data-testid="home-empty" description={t('home.nothingYet')} style={{ padding: '48px 0' }} />
      </div>
      <div className="dh-section">
        <List header={t('home.meanwhile')}>
          <List.Item onClick={() => navigate('/me/addresses')}>{t('account.addresses')}</List.Item>
          <List.Item onClick={() => navigate('/me/invoices')}>{t('account.invoices')}</List.Item>
        </List>
      </div>
    </>
  );
}
