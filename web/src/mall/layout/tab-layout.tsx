import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { GridIcon, HomeIcon, UserIcon } from '../components/icons';

const TABS = [
  { key: '/', title: 'tab.home', icon: <HomeIcon />, testId: 'tab-home' },
  { key: '/categories', title: 'tab.categories', icon: <GridIcon />, testId: 'tab-categories' },
  { key: '/me', title: 'tab.me', icon: <UserIcon />, testId: 'tab-me' },
];

/** 首页, 分类 and 我的 with the bottom tab bar; more tabs (购物车, 订单) come with their modules. */
export function TabLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((tab) => tab.key !== '/' && pathname.startsWith(tab.key))?.key ?? '/';
  return (
    <>
      <div className="dh-page-body">
        <Outlet />
      </div>
      <div className="dh-tabbar">
        <TabBar activeKey={active} onChange={(key) => navigate(key)}>
          {TABS.map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={<span data-testid={tab.testId}>{t(tab.title)}</span>} />
          ))}
        </TabBar>
      </div>
    </>
  );
}
