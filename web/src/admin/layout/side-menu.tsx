import { Menu, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTenant } from '../../shared/hooks/use-tenant';
import { useStaff } from '../auth/use-staff';
import { OrdersTodoBadge } from './menu-badge';
import { MENU, type MenuEntry } from './menu-items';

type Item = Required<MenuProps>['items'][number];

function selectedEntry(pathname: string): MenuEntry | undefined {
  const own = MENU.filter((m) => m.path !== '/' && pathname.startsWith(m.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return own ?? MENU.find((m) => m.also?.some((prefix) => pathname.startsWith(prefix)));
}

export function SideMenu() {
  const { t } = useTranslation();
  const staff = useStaff();
  const tenant = useTenant();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items: Item[] = [];
  const groups = new Map<string, Item[]>();
  for (const m of MENU.filter((e) => staff.can(e.permission))) {
    const item = {
      key: m.path,
      label: (
        <span data-testid={`menu-${m.key}`}>
          {t(`menu.${m.key}`)}
          {m.badge === 'ordersTodo' && <OrdersTodoBadge />}
        </span>
      ),
    };
    if (!m.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(m.group);
    if (!children) {
      children = [];
      groups.set(m.group, children);
      items.push({ key: `group:${m.group}`, label: <span data-testid={`menu-group-${m.group}`}>{t(`menu.${m.group}`)}</span>, children });
    }
    children.push(item);
  }
  const selected = selectedEntry(pathname);
  return (
    <>
      <Typography.Title level={5} ellipsis style={{ color: '#fff', margin: 0, padding: '20px 24px' }}>
        {tenant.data?.name ?? t('common:brand')}
      </Typography.Title>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selected?.path ?? '/']}
        defaultOpenKeys={[...groups.keys()].map((g) => `group:${g}`)}
        items={items}
        onClick={({ key }) => navigate(key)}
      />
    </>
  );
}
