import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useTenant } from '../../shared/hooks/use-tenant';
import { useStaff } from '../auth/use-staff';
import { RoleName } from '../components/role-name';
import { MENU } from '../layout/menu-items';

/** 工作台: who you are, what you may do, and the way to each page you may open. */
export default function HomePage() {
  const { t } = useTranslation();
  const staff = useStaff();
  const tenant = useTenant();
  const shortcuts = MENU.filter((m) => m.shortcut && staff.can(m.permission));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card variant="borderless">
        <Typography.Title level={3} data-testid="welcome">
          {t('home.welcome', { name: staff.name })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('home.company')}>{tenant.data?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('staff.roles')}>
            {staff.roles.map((r) => <Tag key={r.id}><RoleName role={r} /></Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label={t('roles.dataScope')}>{t(`common:dataScope.${staff.dataScope}`)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card variant="borderless" title={t('home.shortcuts')}>
        <Row gutter={[16, 16]}>
          {shortcuts.map((m) => (
            <Col key={m.path} xs={12} sm={8} md={6} lg={4}>
              <Link to={m.path} data-testid={`shortcut-${m.key}`}>
                <Card hoverable size="small" style={{ textAlign: 'center' }}>
                  <Typography.Text strong>{t(`menu.${m.key}`)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`home.hint.${m.key}`)}</Typography.Text>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Space>
  );
}
