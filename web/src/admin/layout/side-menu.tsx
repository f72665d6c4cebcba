import { Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTenant } from '../../shared/hooks/use-tenant';
import { useStaff } from '../auth/use-staff';
import { MENU } from './menu-items';

function selectedKey(pathname: string): string {
  const match = MENU.filter((m) => m.path !== '/' && pathname.startsWith(m.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '/';
}

export function SideMenu() {
  const { t } = useTranslation();
  const staff = useStaff();
  const tenant = useTenant();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = MENU.filter((m) => staff.can(m.permission)).map((m) => ({
    key: m.path,
    label: <span data-testid={`menu-${m.key}`}>{t(`menu.${m.key}`)}</span>,
  }));
  return (
    <>
      <Typography.Title level={5} ellipsis style={{ color: '#fff', margin: 0, padding: '20px 24px' }}>
        {tenant.data?.name ?? t('common:brand')}
      </Typography.Title>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selectedKey(pathname)]}
        items={items}
        onClick={({ key }) => navigate(key)}
      />
    </>
  );
}
