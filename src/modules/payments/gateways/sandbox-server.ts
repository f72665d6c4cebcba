/**
 * What the three gateway simulators share: a real HTTP server on 127.0.0.1, delivery of async callbacks (recorded
 * with the answer they got), and the 沙箱支付 cashier page a payer (or a browser test) clicks through.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { generateRsaKeyPair, loadPrivateKey } from './gateway-crypto.js';
import { fenToYuan } from './gateway-format.js';

let forger: KeyObject | null = null;
/** A key that is nobody's: what a forged callback (or a merchant with the wrong key) signs with. Made once per process. */
export function sandboxForgerKey(): KeyObject {
  forger ??= loadPrivateKey(generateRsaKeyPair().privateKey);
  return forger;
}

/** One async callback the simulator sent, and what our webhook answered (status 0: not reachable). */
export interface SandboxCallback {
  outTradeNo: string;
  /** The gateway's own state word sent (SUCCESS, TRADE_SUCCESS, respCode 00 …). */
  state: string;
  url: string;
  /** Exactly what was sent, so a test can replay it straight into `parseCallback`. */
  request: { headers: Record<string, string>; rawBody: string };
  status: number;
  body: string;
  forged: boolean;
  tampered: boolean;
}

/** How a test bends a callback: another state word (an older one arriving late), a wrong key, an amount changed after signing. */
export interface SandboxNotifyOptions { state?: string; forged?: boolean; tamperAmountFen?: number }

export interface SandboxServer { url: string; close(): Promise<void> }

export type SandboxHandler = (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => Promise<void>;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSandboxServer(handler: SandboxHandler, port = 0): Promise<SandboxServer> {
  let base = '';
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => handler(req, res, new URL(req.url ?? '/', base), body))
      .catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`sandbox error: ${(e as Error).message}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** POSTs a callback and records it; never throws (an unreachable webhook is status 0, as a gateway would log it). */
export async function deliverCallback(
  log: SandboxCallback[], c: Omit<SandboxCallback, 'status' | 'body'>,
): Promise<SandboxCallback> {
  let done: SandboxCallback;
  try {
    const res = await fetch(c.url, { method: 'POST', headers: c.request.headers, body: c.request.rawBody, signal: AbortSignal.timeout(10_000) });
    done = { ...c, status: res.status, body: await res.text() };
  } catch (e) {
    done = { ...c, status: 0, body: (e as Error).message };
  }
  log.push(done);
  return done;
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': contentType, ...headers });
  res.end(body);
}

/** 303 so the browser follows a form POST with a GET. */
export const redirect = (res: ServerResponse, location: string) => { res.writeHead(303, { location }); res.end(); };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const PAGE_STYLE = 'body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;margin:0}'
  + 'main{max-width:360px;margin:48px auto;background:#fff;border-radius:12px;padding:24px;text-align:center;box-shadow:0 2px 8px #0001}'
  + '.amount{font-size:36px;font-weight:600;margin:16px 0}.muted{color:#888;font-size:13px}'
  + 'button{display:block;width:100%;padding:12px;margin-top:12px;border:0;border-radius:8px;font-size:16px;cursor:pointer}'
  + '.pay{background:#1677ff;color:#fff}.cancel{background:#eee;color:#333}';

function page(gateway: string, inner: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>沙箱支付</title><style>${PAGE_STYLE}</style></head><body><main><h1>沙箱支付</h1><p class="muted">${escapeHtml(gateway)} · 本地模拟网关，不会真实扣款</p>${inner}</main></body></html>`;
}

export type CashierState = 'pending' | 'paid' | 'closed';
export interface CashierTrade { amountFen: number; description: string; state: CashierState }

export interface CashierOps {
  gateway: string;
  merchant: string;
  find(outTradeNo: string): CashierTrade | undefined;
  pay(outTradeNo: string): Promise<unknown>;
  cancel(outTradeNo: string): Promise<unknown>;
  /** Where the browser goes afterwards (null: show a result page); `form` holds the cashier form's fields. */
  returnUrl(outTradeNo: string, form: URLSearchParams): string | null;
}

/** GET /cashier/{no}: the page; POST /cashier/{no} with action=pay|cancel: pays or closes, calls back, returns the browser. */
export async function serveCashier(req: IncomingMessage, res: ServerResponse, url: URL, body: string, ops: CashierOps): Promise<void> {
  const no = decodeURIComponent(url.pathname.slice('/cashier/'.length));
  const trade = ops.find(no);
  const html = (status: number, inner: string) => sendText(res, status, 'text/html; charset=utf-8', page(ops.gateway, inner));
  if (!trade) return html(404, '<p>交易不存在</p>');
  if (req.method === 'GET') {
    const head = `<p>收款方：${escapeHtml(ops.merchant)}</p><p>${escapeHtml(trade.description)}</p>`
      + `<p class="amount">¥${fenToYuan(trade.amountFen)}</p><p class="muted">订单号 ${escapeHtml(no)}</p>`;
    if (trade.state !== 'pending') return html(200, `${head}<p>${trade.state === 'paid' ? '该交易已支付' : '该交易已关闭'}</p>`);
    const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
    return html(200, `${head}<form method="post" action="/cashier/${encodeURIComponent(no)}">${hidden}`
      + '<button class="pay" name="action" value="pay">确认支付</button><button class="cancel" name="action" value="cancel">取消</button></form>');
  }
  if (req.method !== 'POST') return html(405, '<p>method not allowed</p>');
  const form = new URLSearchParams(body);
  const action = form.get('action');
  if (trade.state !== 'pending') return html(409, `<p>${trade.state === 'paid' ? '该交易已支付' : '该交易已关闭'}，无法${action === 'pay' ? '支付' : '取消'}</p>`);
  if (action === 'pay') await ops.pay(no);
  else if (action === 'cancel') await ops.cancel(no);
  else return html(400, '<p>unknown action</p>');
  const back = ops.returnUrl(no, form);
  if (back) return redirect(res, back);
  return html(200, `<p>${action === 'pay' ? '支付成功' : '已取消'}，请返回商户页面。</p>`);
}
