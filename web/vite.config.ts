import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://localhost:3000';

/** Packages only the console uses; they must never end up in a chunk the mall loads. */
const ANTD_ONLY = [
  'antd', '@ant-design', '@rc-component', '@emotion', 'stylis', 'rc-cascader', 'rc-checkbox', 'rc-collapse',
  'rc-dialog', 'rc-drawer', 'rc-dropdown', 'rc-image', 'rc-input', 'rc-input-number', 'rc-mentions', 'rc-menu',
  'rc-motion', 'rc-notification', 'rc-overflow', 'rc-pagination', 'rc-picker', 'rc-progress', 'rc-rate',
  'rc-resize-observer', 'rc-select', 'rc-slider', 'rc-steps', 'rc-switch', 'rc-table', 'rc-tabs', 'rc-textarea',
  'rc-tooltip', 'rc-tree', 'rc-tree-select', 'rc-upload', 'rc-virtual-list', 'compute-scroll-into-view',
  'scroll-into-view-if-needed', 'copy-to-clipboard', 'toggle-selection', 'json2mq', 'string-convert',
  'throttle-debounce', 'resize-observer-polyfill',
];
/** Packages only the mall uses. */
const MOBILE_ONLY = [
  'antd-mobile', 'antd-mobile-icons', 'antd-mobile-v5-count', '@react-spring', '@use-gesture', '@floating-ui',
  'ahooks', 'runes2', 'staged-components', 'nano-memoize', 'screenfull', 'js-cookie',
];
/** Used by both UI kits. */
const SHARED = ['@rc-component/mini-decimal', 'rc-segmented', 'rc-field-form', 'rc-util'];
const REACT = ['react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom', 'cookie', 'set-cookie-parser'];

/** The npm package a module file belongs to. */
function packageOf(id: string): string | undefined {
  const path = id.replace(/\\/g, '/');
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [first, second] = path.slice(at + 'node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : first;
}

/** Listed by name or by scope (`@ant-design`). */
function listed(list: string[], pkg: string): boolean {
  return list.includes(pkg) || list.includes(pkg.split('/')[0] ?? '');
}

function manualChunks(id: string): string | undefined {
  const pkg = packageOf(id);
  if (!pkg) return undefined;
  if (SHARED.includes(pkg)) return 'vendor';
  if (listed(ANTD_ONLY, pkg)) return 'antd';
  if (listed(MOBILE_ONLY, pkg)) return 'antd-mobile';
  if (REACT.includes(pkg)) return 'react';
  return 'vendor';
}

/** Dev and preview: serve the right page for the client-side routes /admin/* and /m/*. */
function spaFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const url = req.url ?? '';
    if (/^\/admin(\/|$|\?)/.test(url)) req.url = '/admin.html';
    else if (/^\/m(\/|$|\?)/.test(url)) req.url = '/mall.html';
    next();
  };
  return {
    name: 'dinghuo-spa-fallback',
    configureServer: (server) => { server.middlewares.use(rewrite); },
    configurePreviewServer: (server) => { server.middlewares.use(rewrite); },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), spaFallback()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { admin: `${root}admin.html`, mall: `${root}mall.html` },
      output: { manualChunks },
    },
  },
  server: { proxy: { '/api': { target: backend, changeOrigin: false } } },
  preview: { proxy: { '/api': { target: backend, changeOrigin: false } } },
});
