import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app.js';

/** The real app listening on a free local port, with the demo company and the built web app. */
export async function startLiveServer(config: Record<string, string> = {}): Promise<TestApp & { url: string }> {
  const t = await createTestApp({ config: { WEB_DIST: './dist/web', ...config } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, url: `http://127.0.0.1:${port}` };
}
