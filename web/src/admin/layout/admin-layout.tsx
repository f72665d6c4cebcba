import { Layout } from 'antd';
import { Outlet } from 'react-router-dom';
import { HeaderBar } from './header-bar';
import { SideMenu } from './side-menu';

export function AdminLayout() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
