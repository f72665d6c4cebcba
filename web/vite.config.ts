import { fileURLToPath } from 'node:url';
import type { ManualChunksOption } from 'rollup';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://localhost:3000';

const REACT = ['react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom', 'cookie', 'set-cookie-parser'];
type Kit = 'antd' | 'antd-mobile' | 'app';

/** The npm package a module file belongs to (nested copies count by their own name). */
function packageOf(id: string): string | undefined {
  const path = id.replace(/\\/g, '/');
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [first, second] = path.slice(at + 'node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : first;
}

function kitOf(id: string): Kit | undefined {
  const pkg = packageOf(id);
  if (!pkg) return id.includes('/web/src/') || id.endsWith('.html') ? 'app' : undefined;
  if (pkg === 'antd-mobile') return 'antd-mobile';
  if (pkg === 'antd') return 'antd';
  return undefined;
}

/** Our own helpers in a few chunks rather than dozens of sub-kilobyte files; pages stay lazy, one chunk each. */
function appChunk(id: string): string | undefined {
  const path = id.replace(/\\/g, '/');
  if (path.includes('/web/src/shared/')) return 'shared';
  const m = /\/web\/src\/(admin|mall)\/(components|hooks|layout|auth)\//.exec(path);
  return m ? `${m[1]}-common` : undefined;
}

/**
 * Vendor chunks by who needs a package: what only antd reaches goes with antd, what only antd-mobile
 * reaches goes with antd-mobile, so the mall never downloads console code (and the reverse).
 */
const manualChunks: ManualChunksOption = (id, { getModuleInfo }) => {
  const pkg = packageOf(id);
  if (!pkg) return appChunk(id);
  if (REACT.includes(pkg)) return 'react';
  const kits = new Set<Kit>();
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.pop() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    const kit = kitOf(current);
    if (kit) {
      kits.add(kit);
      continue;
    }
    const info = getModuleInfo(current);
    queue.push(...(info?.importers ?? []), ...(info?.dynamicImporters ?? []));
  }
  if (kits.size === 1 && kits.has('antd')) return 'antd';
  if (kits.size === 1 && kits.has('antd-mobile')) return 'antd-mobile';
  return 'vendor';
};

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
