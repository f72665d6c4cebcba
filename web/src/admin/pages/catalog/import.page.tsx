import { Alert, Button, Card, Descriptions, Progress, Radio, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { type ImportJob, type ImportMode, postMultipart, PRODUCTS, triggerDownload } from '../../api/catalog';
import { RequirePermission } from '../../auth/require-permission';
import { PageCard } from '../../components/page-card';

const FINISHED = new Set(['done', 'rejected', 'failed']);

/** 导入: template → file + mode → upload → progress (polled every 500 ms) → summary or row errors. */
function ImportProducts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const job = useQuery({
    queryKey: ['/admin/imports', jobId],
    queryFn: () => api.get<ImportJob>(`/admin/imports/${jobId}`),
    enabled: Boolean(jobId),
    refetchInterval: (q) => (q.state.data && FINISHED.has(q.state.data.status) ? false : 500),
    staleTime: 0,
  });
  const current = job.data;
  const finished = current ? FINISHED.has(current.status) : false;

  const start = async () => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    setJobId(null);
    try {
      const form = new FormData();
      form.append('mode', mode);
      form.append('file', file, file.name);
      const created = await postMultipart<ImportJob>('/admin/imports/products', form);
      qc.setQueryData(['/admin/imports', created.id], created);
      setJobId(created.id);
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(false);
    }
  };
  const doneId = current?.status === 'done' ? current.id : null;
  useEffect(() => {
    if (doneId) void qc.invalidateQueries({ queryKey: [PRODUCTS] });
  }, [doneId, qc]);

  const percent = current && current.progress.total > 0 ? Math.round((current.progress.processed / current.progress.total) * 100) : finished ? 100 : 0;
  const step = !file ? 1 : !jobId ? 2 : 3;
  const summary = current?.summary ?? {};

  return (
    <PageCard title={t('catalog.import.title')} extra={<Button onClick={() => navigate('/products')}>{t('menu.products')}</Button>}>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24, maxWidth: 760 }}
        items={[{ title: t('catalog.import.step.template') }, { title: t('catalog.import.step.file') }, { title: t('catalog.import.step.upload') }, { title: t('catalog.import.step.result') }]}
      />
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 900 }}>
        <Card size="small" title={`1. ${t('catalog.import.step.template')}`}>
          <Space direction="vertical">
            <Typography.Text type="secondary">{t('catalog.import.templateHint')}</Typography.Text>
            <Button data-testid="import-template" onClick={() => triggerDownload(`${PRODUCTS}/import-template.xlsx`)}>{t('catalog.import.downloadTemplate')}</Button>
          </Space>
        </Card>
        <Card size="small" title={`2. ${t('catalog.import.step.file')}`}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <div data-testid="import-file">
              <Upload
                accept=".xlsx,.csv"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  setJobId(null);
                  setUploadError(null);
                  return false;
                }}
                onRemove={() => setFile(null)}
                fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              >
                <Button>{t('catalog.import.chooseFile')}</Button>
              </Upload>
            </div>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-testid="import-mode">
              <Space direction="vertical">
                <Radio value="all_or_nothing" data-testid="import-mode-all">{t('catalog.import.mode.all_or_nothing')}</Radio>
                <Radio value="valid_rows" data-testid="import-mode-valid">{t('catalog.import.mode.valid_rows')}</Radio>
              </Space>
            </Radio.Group>
          </Space>
        </Card>
        <Card size="small" title={`3. ${t('catalog.import.step.upload')}`}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button type="primary" data-testid="import-submit" disabled={!file || (Boolean(jobId) && !finished)} loading={uploading} onClick={() => void start()}>
              {t('catalog.import.start')}
            </Button>
            {uploadError !== null && <Alert type="error" showIcon data-testid="import-upload-error" message={errorMessage(uploadError, t)} />}
            {current && (
              <div data-testid="import-progress">
                <Progress percent={percent} status={current.status === 'failed' || current.status === 'rejected' ? 'exception' : finished ? 'success' : 'active'} />
                <Typography.Text type="secondary">
                  {t('catalog.import.progress', { processed: current.progress.processed, total: current.progress.total, status: t(`catalog.import.status.${current.status}`) })}
                </Typography.Text>
              </div>
            )}
          </Space>
        </Card>
        {current && finished && (
          <Card size="small" title={`4. ${t('catalog.import.step.result')}`}>
            {current.status === 'done' ? (
              <Result
                status="success"
                style={{ padding: '16px 0' }}
                title={<span data-testid="import-result-success">{t('catalog.import.success')}</span>}
                subTitle={current.fileName}
                extra={<Button type="primary" data-testid="import-to-products" onClick={() => navigate('/products')}>{t('catalog.import.viewProducts')}</Button>}
              >
                <Descriptions size="small" column={3} bordered data-testid="import-summary">
                  <Descriptions.Item label={t('catalog.import.created')}>{summary.created ?? 0}</Descriptions.Item>
                  <Descriptions.Item label={t('catalog.import.updated')}>{summary.updated ?? 0}</Descriptions.Item>
                  <Descriptions.Item label={t('catalog.import.skipped')}>{summary.skipped ?? 0}</Descriptions.Item>
                </Descriptions>
              </Result>
            ) : (
              <Result
                status={current.status === 'failed' ? 'error' : 'warning'}
                style={{ padding: '16px 0' }}
                title={<span data-testid="import-result-rejected">{t(current.status === 'failed' ? 'catalog.import.failed' : 'catalog.import.rejected')}</span>}
                subTitle={t('catalog.import.rejectedHint', { count: current.errorCount })}
              />
            )}
            {current.errorCount > 0 && (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{t('catalog.import.errors', { count: current.errorCount })}</Typography.Text>
                  <Button size="small" data-testid="import-report" onClick={() => triggerDownload(`/admin/imports/${current.id}/report.xlsx`)}>{t('catalog.import.downloadReport')}</Button>
                </Space>
                {current.errorCount > current.errors.length && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('catalog.import.moreInReport', { shown: current.errors.length })} />}
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                  pagination={current.errors.length > 20 ? { pageSize: 20 } : false}
                  dataSource={current.errors}
                  data-testid="import-errors"
                  onRow={() => ({ 'data-testid': 'import-error-row' }) as React.HTMLAttributes<HTMLElement>}
                  columns={[
                    { title: t('catalog.import.row'), dataIndex: 'row', width: 90 },
                    { title: t('catalog.import.column'), dataIndex: 'column', width: 160 },
                    { title: t('catalog.import.problem'), dataIndex: 'message' },
                  ]}
                />
              </>
            )}
          </Card>
        )}
      </Space>
    </PageCard>
  );
}

export default function ImportPage() {
  return <RequirePermission permission="catalog.write"><ImportProducts /></RequirePermission>;
}
