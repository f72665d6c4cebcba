import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A page's frame: title on the left, its main actions on the right. */
export function PageCard({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} variant="borderless">
      {children}
    </Card>
  );
}
