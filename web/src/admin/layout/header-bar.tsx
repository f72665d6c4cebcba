import { Button, Dropdown, Layout, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../shared/hooks/use-session';
import { useStaff } from '../auth/use-staff';
import { LanguageSelect } from '../components/language-select';
import { RoleName } from '../components/role-name';

export function HeaderBar() {
  const { t } = useTranslation();
  const staff = useStaff();
  const session = useSession();
  const navigate = useNavigate();
  const logout = async () => {
    await session.logout(() => navigate('/login', { replace: true }));
  };
  const items = [
    { key: 'account', label: t('menu.account'), onClick: () => navigate('/account') },
    { key: 'logout', label: <span data-testid="logout">{t('common:action.logout')}</span>, onClick: () => void logout() },
  ];
  return (
    <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end' }}>
      <Space size="middle">
        <LanguageSelect />
        <Dropdown menu={{ items }} trigger={['click']}>
          <Button type="text" data-testid="user-menu">
            <Space size={4}>
              <span>{staff.name}</span>
              {staff.roles.slice(0, 1).map((r) => <Tag key={r.id} bordered={false}><RoleName role={r} /></Tag>)}
            </Space>
          </Button>
        </Dropdown>
      </Space>
    </Layout.Header>
  );
}
