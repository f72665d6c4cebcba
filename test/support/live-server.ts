import { createServer, type AddressInfo } from 'node:net';
import { kuaidi100Gateway } from '../../src/modules/logistics/kuaidi100.adapter.js';
import { startKuaidi100Simulator, type Kuaidi100Simulator } from '../../src/modules/logistics/kuaidi100.simulator.js';
import { createTestApp, type TestApp } from './test-app.js';

/** A port nobody listens on right now (the app then listens there, so its PUBLIC_URL is known before it starts). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/**
 * The real app listening on a free local port, with the demo company and the built web app. With `carrier`, a
 * local simulated Kuaidi100 is started too and the app uses it (waybills, signed tracking pushes to the app).
 */
export async function startLiveServer(config: Record<string, string> = {}, opts: { carrier?: boolean; web?: boolean } = {}): Promise<TestApp & { url: string; sim: Kuaidi100Simulator | null }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const sim = opts.carrier ? await startKuaidi100Simulator() : null;
  const carrierGateway = sim ? kuaidi100Gateway({ pollUrl: sim.url, apiUrl: sim.url, key: sim.key, customer: sim.customer, secret: sim.secret }) : null;
  const t = await createTestApp({ config: { ...(opts.web === false ? {} : { WEB_DIST: './dist/web' }), PUBLIC_URL: url, ...config }, carrierGateway });
  await t.app.listen({ port, host: '127.0.0.1' });
  return { ...t, url, sim, close: async () => { await t.close(); await sim?.close(); } };
}
