import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The only time the secret is visible; the server keeps just its hash. */
export function ApiKeyTokenModal({ token, onClose }: { token: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={Boolean(token)}
      title={t('apiKeys.createdTitle')}
      closable={false}
      maskClosable={false}
      onCancel={onClose}
      footer={<Button type="primary" data-testid="api-key-token-done" onClick={onClose}>{t('apiKeys.copiedDone')}</Button>}
    >
      <Alert type="warning" showIcon message={t('apiKeys.shownOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        data-testid="api-key-token"
        code
        copyable={{ text: token ?? '', tooltips: [t('common:action.copy'), t('common:action.copied')] }}
        style={{ wordBreak: 'break-all', fontSize: 14 }}
      >
        {token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('apiKeys.usage')}</Typography.Text>
    </Modal>
  );
}
