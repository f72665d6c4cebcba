import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from '../shared/i18n/setup-i18n';
import { MallApp } from './app';
import { mallEn } from './i18n/mall.en';
import { mallZhCN } from './i18n/mall.zh-CN';
import './mall.css';

setupI18n('mall', { 'zh-CN': mallZhCN, en: mallEn });

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><MallApp /></StrictMode>);
