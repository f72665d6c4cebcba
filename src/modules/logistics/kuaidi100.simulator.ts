/**
 * A local stand-in for Kuaidi100 (快递100), for the tests and the demo: it checks our signatures exactly as the
 * real service documents them, issues waybill numbers, keeps subscriptions, and pushes signed tracking updates to
 * the callback URL — also duplicated, out of order or forged when a test asks. It is a real HTTP server.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { md5Upper } from './kuaidi100.adapter.js';

export interface SimParcel {
  number: string; company: string; orderId: string | null;
  history: { time: string; context: string; status: string; areaName: string; state: string }[];
  subscription: { callbackurl: string; salt: string } | null;
}
export interface PushResult { number: string; status: number; body: string; forged: boolean }

/** The journey every simulated parcel takes, one step per `advance`. */
const SCRIPT = [
  { status: '揽收', state: '1', areaName: '上海市', context: '【上海市】顺路网点 已揽收' },
  { status: '在途', state: '0', areaName: '上海市', context: '快件已到达【上海转运中心】' },
  { status: '在途', state: '0', areaName: '浙江省杭州市', context: '快件已从【上海转运中心】发出，正在发往【杭州转运中心】' },
  { status: '派件', state: '5', areaName: '浙江省杭州市', context: '快件正在派送中，派送员：王师傅 138****6200' },
  { status: '签收', state: '3', areaName: '浙江省杭州市', context: '快件已签收，签收人：本人，感谢使用' },
];

const cstNow = (offsetMs = 0) => new Date(Date.now() + offsetMs + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

export interface Kuaidi100Simulator {
  url: string; key: string; customer: string; secret: string;
  parcels: Map<string, SimParcel>;
  pushes: PushResult[];
  /** Adds the parcel's next step and pushes the whole history (as Kuaidi100 does); returns the push result. */
  advance(number: string): Promise<PushResult | null>;
  /** Pushes the current history again (a duplicate), or with a wrong signature (`forged`). */
  push(number: string, opts?: { forged?: boolean; history?: SimParcel['history'] }): Promise<PushResult | null>;
  close(): Promise<void>;
}

export async function startKuaidi100Simulator(opts: { port?: number; autoAdvanceMs?: number } = {}): Promise<Kuaidi100Simulator> {
  const key = `simkey${randomBytes(6).toString('hex')}`;
  const customer = `SIMCUSTOMER${randomBytes(4).toString('hex').toUpperCase()}`;
  const secret = randomBytes(16).toString('hex');
  const parcels = new Map<string, SimParcel>();
  const byOrder = new Map<string, string>();
  const pushes: PushResult[] = [];
  let serial = 0;

  const parcel = (company: string, number: string) => {
    let p = parcels.get(number);
    if (!p) { p = { number, company, orderId: null, history: [], subscription: null }; parcels.set(number, p); }
    return p;
  };
  const lastResult = (p: SimParcel, history = p.history) => ({
    message: 'ok', nu: p.number, ischeck: history[0]?.state === '3' ? '1' : '0', com: p.company, status: '200', condition: 'F00',
    state: history[0]?.state ?? '0', data: history.map(({ state: _s, ...d }) => ({ ...d, ftime: d.time })),
  });

  async function push(number: string, o: { forged?: boolean; history?: SimParcel['history'] } = {}): Promise<PushResult | null> {
    const p = parcels.get(number);
    if (!p?.subscription) return null;
    const param = JSON.stringify({ status: 'polling', billstatus: 'got', message: '', lastResult: lastResult(p, o.history) });
    const sign = o.forged ? md5Upper(`${param}not-the-salt`) : md5Upper(param + p.subscription.salt);
    let result: PushResult;
    try {
      const res = await fetch(p.subscription.callbackurl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ param, sign }), signal: AbortSignal.timeout(10_000) });
      result = { number, status: res.status, body: await res.text(), forged: !!o.forged };
    } catch (e) {
      result = { number, status: 0, body: (e as Error).message, forged: !!o.forged };
    }
    pushes.push(result);
    return result;
  }

  async function advance(number: string) {
    const p = parcels.get(number);
    if (!p || p.history.length >= SCRIPT.length) return null;
    const step = SCRIPT[p.history.length];
    p.history.unshift({ time: cstNow(p.history.length * 1000), context: step.context, status: step.status, areaName: step.areaName, state: step.state });
    return push(number);
  }

  const server: Server = createServer((req, res) => {
    const send = (body: unknown) => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }); res.end(JSON.stringify(body)); };
    readForm(req).then(async (form) => {
      let param: Record<string, unknown>;
      try { param = JSON.parse(form.param ?? '') as Record<string, unknown>; } catch { return send({ result: false, returnCode: '400', message: '参数错误' }); }
      if (req.url === '/label/order') {
        if (form.key !== key || form.sign !== md5Upper(form.param + form.t + key + secret)) return send({ success: false, code: 30002, message: '验证签名失败' });
        const recMan = param.recMan as { name?: string; mobile?: string; printAddr?: string } | undefined;
        if (!recMan?.name || !recMan.mobile || !recMan.printAddr) return send({ success: false, code: 30001, message: '收件人信息不完整' });
        const orderId = String(param.orderId ?? '');
        let number = byOrder.get(orderId);
        if (!number) {
          number = `SIM${Date.now().toString().slice(-8)}${String(++serial).padStart(4, '0')}`;
          byOrder.set(orderId, number);
          parcel(String(param.kuaidicom), number).orderId = orderId;
        }
        return send({ success: true, code: 200, message: 'success', data: { taskId: randomBytes(8).toString('hex'), kuaidinum: number, kuaidicom: param.kuaidicom, label: `<div>${number}</div>` } });
      }
      if (req.url === '/poll') {
        if (param.key !== key) return send({ result: false, returnCode: '600', message: '您不是合法的订阅者（即授权Key出错）' });
        const params = param.parameters as { callbackurl?: string; salt?: string } | undefined;
        if (!params?.callbackurl || typeof param.number !== 'string') return send({ result: false, returnCode: '700', message: '订阅参数错误' });
        const p = parcel(String(param.company), param.number);
        if (p.subscription) return send({ result: false, returnCode: '501', message: '重复订阅' });
        p.subscription = { callbackurl: params.callbackurl, salt: params.salt ?? '' };
        return send({ result: true, returnCode: '200', message: '提交成功' });
      }
      if (req.url === '/poll/query.do') {
        if (form.customer !== customer || form.sign !== md5Upper(form.param + key + customer)) return send({ result: false, returnCode: '601', message: 'key已过期或签名错误' });
        const p = parcels.get(String(param.num));
        if (!p) return send({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' });
        return send(lastResult(p));
      }
      res.writeHead(404).end();
    }).catch(() => { res.writeHead(400).end(); });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const timer = opts.autoAdvanceMs
    ? setInterval(() => { for (const p of parcels.values()) if (p.subscription) void advance(p.number); }, opts.autoAdvanceMs).unref()
    : null;

  return {
    url, key, customer, secret, parcels, pushes, advance, push,
    close: () => new Promise<void>((resolve) => { if (timer) clearInterval(timer); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
