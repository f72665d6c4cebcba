/**
 * For the gateway tests: a tiny webhook that plays our side of a callback — it hands the raw request to
 * `gw.parseCallback` and answers with `gw.ack`, as the payments webhook route does — and records every outcome.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../platform/errors/app-error.js';
import type { CallbackAck, GatewayTrade, PaymentGateway } from './payment-gateway.js';
import { readBody } from './sandbox-server.js';

export interface ReceivedCallback { trade: GatewayTrade | null; error: AppError | null; ack: CallbackAck }
export interface CallbackReceiver { url: string; received: ReceivedCallback[]; last(): ReceivedCallback; close(): Promise<void> }

const flatHeaders = (h: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]));

export async function startCallbackReceiver(gw: PaymentGateway): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      let outcome: ReceivedCallback;
      try {
        outcome = { trade: await gw.parseCallback({ headers: flatHeaders(req.headers), rawBody }), error: null, ack: gw.ack(true) };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        outcome = { trade: null, error: e, ack: gw.ack(false) };
      }
      received.push(outcome);
      res.writeHead(outcome.ack.status, { 'content-type': outcome.ack.contentType });
      res.end(outcome.ack.body);
    })().catch((e: unknown) => { res.writeHead(599); res.end(String(e)); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    received,
    last: () => {
      const r = received.at(-1);
      if (!r) throw new Error('no callback received yet');
      return r;
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A start request as the payments service makes it. */
export const startRequest = (outTradeNo: string, amountFen: number, notifyUrl: string) => ({
  outTradeNo, amountFen, description: '订货单 DH20261125-000001 货款', notifyUrl,
  returnUrl: 'http://127.0.0.1:1/m/orders/1?paid=1', expiresAt: new Date(Date.now() + 30 * 60_000),
});

/** The payer clicks 确认支付 (or 取消) on the sandbox cashier page; returns where the browser is sent next. */
export async function clickCashier(cashierUrl: string, action: 'pay' | 'cancel'): Promise<{ status: number; location: string | null; html: string }> {
  const page = await fetch(cashierUrl);
  const html = await page.text();
  const form = new URLSearchParams([...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&#(\d+);/g, (_s, c: string) => String.fromCharCode(Number(c)))]));
  form.set('action', action);
  const res = await fetch(new URL(cashierUrl).origin + new URL(cashierUrl).pathname, { method: 'POST', body: form, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), html };
}

/** The payer's browser opens a redirect-kind payment URL; returns the (absolute) page the gateway sends it to. */
export async function openRedirect(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`expected a redirect to the cashier, got HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return new URL(location, url).href;
}
