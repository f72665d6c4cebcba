import { DotLoading } from 'antd-mobile';

export function PageLoading() {
  return <div style={{ padding: 48, textAlign: 'center' }}><DotLoading color="primary" /></div>;
}
