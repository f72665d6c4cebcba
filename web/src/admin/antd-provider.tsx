import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useLanguage } from '../shared/i18n/use-language';

/** antd's own texts (pagination, date pickers, empty states) follow the UI language. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
