import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from '../shared/api/query-client';
import { useLanguage } from '../shared/i18n/use-language';
import { router } from './routes';

export function MallApp() {
  const [client] = useState(createQueryClient);
  const { language } = useLanguage();
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN}>
        <div className="dh-shell">
          <RouterProvider router={router} />
        </div>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
