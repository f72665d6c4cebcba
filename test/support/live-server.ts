import { createServer, type AddressInfo } from 'node:net';
import { kuaidi100Gateway } from '../../src/modules/logistics/kuaidi100.adapter.js';
import { startKuaidi100Simulator, type Kuaidi100Simulator } from '../../src/modules/logistics/kuaidi100.simulator.js';
import { createAlipayGateway } from '../../src/modules/payments/gateways/alipay.adapter.js';
import { startAlipaySimulator, type AlipaySimulator } from '../../src/modules/payments/gateways/alipay.simulator.js';
import { createUnionpayGateway } from '../../src/modules/payments/gateways/unionpay.adapter.js';
import { startUnionpaySimulator, type UnionpaySimulator } from '../../src/modules/payments/gateways/unionpay.simulator.js';
import { createWechatPayGateway } from '../../src/modules/payments/gateways/wechat-pay.adapter.js';
import { startWechatPaySimulator, type WechatPaySimulator } from '../../src/modules/payments/gateways/wechat-pay.simulator.js';
import type { GatewayRegistry } from '../../src/modules/payments/index.js';
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
export async function startLiveServer(config: Record<string, string> = {}, opts: { carrier?: boolean; web?: boolean; payments?: boolean } = {}): Promise<TestApp & { url: string; sim: Kuaidi100Simulator | null; paySims: PaySims | null }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const sim = opts.carrier ? await startKuaidi100Simulator() : null;
  const carrierGateway = sim ? kuaidi100Gateway({ pollUrl: sim.url, apiUrl: sim.url, key: sim.key, customer: sim.customer, secret: sim.secret }) : null;
  const paySims = opts.payments ? await startPaySims() : null;
  const t = await createTestApp({ config: { ...(opts.web === false ? {} : { WEB_DIST: './dist/web' }), PUBLIC_URL: url, ...config }, carrierGateway, paymentGateways: paySims?.gateways });
  await t.app.listen({ port, host: '127.0.0.1' });
  return { ...t, url, sim, paySims, close: async () => { await t.close(); await sim?.close(); await paySims?.close(); } };
}

export interface PaySims { wechat: WechatPaySimulator; alipay: AlipaySimulator; unionpay: UnionpaySimulator; gateways: GatewayRegistry; close(): Promise<void> }

/** The three gateway simulators (沙箱支付) and adapters talking to them; the registry is mutable so a test can swap one out. */
export async function startPaySims(): Promise<PaySims> {
  const [wechat, alipay, unionpay] = await Promise.all([startWechatPaySimulator(), startAlipaySimulator(), startUnionpaySimulator()]);
  const gateways: GatewayRegistry = {
    wechat: createWechatPayGateway(wechat.adapterConfig), alipay: createAlipayGateway(alipay.adapterConfig), unionpay: createUnionpayGateway(unionpay.adapterConfig),
  };
  return { wechat, alipay, unionpay, gateways, close: async () => { await Promise.all([wechat.close(), alipay.close(), unionpay.close()]); } };
}
