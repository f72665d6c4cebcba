import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from '../shared/i18n/setup-i18n';
import { AdminApp } from './app';
import { adminEn } from './i18n/admin.en';
import { adminZhCN } from './i18n/admin.zh-CN';
import './admin.css';

setupI18n('admin', { 'zh-CN': adminZhCN, en: adminEn });

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><AdminApp /></StrictMode>);
