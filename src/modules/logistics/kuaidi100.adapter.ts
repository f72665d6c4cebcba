/**
 * Kuaidi100 (快递100) adapter, from its public API documentation:
 * - 实时查询  POST {poll}/poll/query.do   form customer, param, sign = MD5(param + key + customer) upper-case hex
 * - 订阅推送  POST {poll}/poll            form schema=json, param = {company, number, key, parameters{callbackurl, salt, resultv2}}
 *   push     POST callbackurl            form param, sign = MD5(param + salt) upper-case hex; we answer {result, returnCode, message}
 * - 电子面单  POST {api}/label/order      form method=order, key, t, param, sign = MD5(param + t + key + secret) upper-case hex
 * Base URLs are configurable so the tests (and the demo) can point them at the local simulator.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors/app-error.js';
import type { TrackingState } from '../fulfilment/fulfilment.tables.js';
import type { CarrierGateway, TrackingSnapshot, WaybillRequest } from './carrier.js';

export interface Kuaidi100Config { pollUrl: string; apiUrl: string; key: string; customer: string; secret: string }

export const md5Upper = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

/** Kuaidi100's parcel states (`state`) and step labels (`status` with resultv2) in our vocabulary. */
const STATE: Record<string, TrackingState> = { 0: 'in_transit', 1: 'collected', 2: 'exception', 3: 'delivered', 4: 'returned', 5: 'out_for_delivery', 6: 'returned', 7: 'in_transit', 8: 'in_transit', 14: 'exception' };
const STEP: Record<string, TrackingState> = { 揽收: 'collected', 在途: 'in_transit', 派件: 'out_for_delivery', 签收: 'delivered', 疑难: 'exception', 退签: 'returned', 退回: 'returned', 拒签: 'exception', 转投: 'in_transit', 清关: 'in_transit' };

/** Kuaidi100 times are China time without a zone: "2026-11-25 14:03:00". */
function cstDate(s: unknown): Date | null {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(s)) return null;
  const d = new Date(`${s.replace(' ', 'T')}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The `lastResult` / query answer shape → our snapshot; anything malformed is refused, not guessed. */
export function toSnapshot(r: unknown): TrackingSnapshot {
  const o = r as { nu?: unknown; state?: unknown; data?: unknown };
  if (!o || typeof o.nu !== 'string' || !Array.isArray(o.data)) throw new AppError('carrier_unavailable', { message: 'the carrier answered an unexpected tracking document' });
  const steps = o.data.flatMap((d: { time?: unknown; ftime?: unknown; context?: unknown; status?: unknown; areaName?: unknown }) => {
    const at = cstDate(d.ftime ?? d.time);
    if (!at || typeof d.context !== 'string') return [];
    return [{ at, description: d.context.slice(0, 500), location: typeof d.areaName === 'string' ? d.areaName.slice(0, 100) : null,
      state: STEP[String(d.status ?? '')] ?? 'in_transit' }];
  });
  return { trackingNo: o.nu, state: STATE[String(o.state)] ?? 'in_transit', steps };
}

function safeEqualText(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function kuaidi100Gateway(c: Kuaidi100Config, fetchImpl: typeof fetch = fetch): CarrierGateway {
  async function post(url: string, form: Record<string, string>): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw new AppError('carrier_unavailable', { message: `快递100 is not reachable: ${(e as Error).message}` });
    }
    const text = await res.text();
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new AppError('carrier_unavailable', { message: `快递100 answered HTTP ${res.status} without JSON` });
    }
  }
  const refused = (r: Record<string, unknown>) => new AppError('carrier_rejected', { message: `快递100: ${String(r.message ?? r.returnCode ?? 'refused')}`.slice(0, 200) });

  return {
    via: 'kuaidi100',
    async createWaybill(r: WaybillRequest) {
      const param = JSON.stringify({
        kuaidicom: r.carrierCode, partnerId: c.customer, orderId: r.shipmentNo, printType: 'HTML', count: r.packages, cargo: r.cargo,
        weight: r.weightGrams ? (r.weightGrams / 1000).toFixed(2) : undefined,
        recMan: { name: r.receiver.name, mobile: r.receiver.phone, printAddr: r.receiver.address },
        sendMan: { name: r.sender.name, mobile: r.sender.phone, printAddr: r.sender.address },
      });
      const t = String(Date.now());
      const res = await post(`${c.apiUrl}/label/order`, { method: 'order', key: c.key, t, param, sign: md5Upper(param + t + c.key + c.secret) });
      const data = res.data as { kuaidinum?: unknown } | undefined;
      if (res.success !== true || typeof data?.kuaidinum !== 'string') throw refused(res);
      return { trackingNo: data.kuaidinum };
    },
    async subscribe(s) {
      const param = JSON.stringify({ company: s.carrierCode, number: s.trackingNo, key: c.key, parameters: { callbackurl: s.callbackUrl, salt: s.salt, resultv2: '1', phone: s.phone } });
      const res = await post(`${c.pollUrl}/poll`, { schema: 'json', param });
      // 501 = already subscribed: fine, the pushes keep coming.
      if (res.result !== true && String(res.returnCode) !== '501') throw refused(res);
    },
    async query(s) {
      const param = JSON.stringify({ com: s.carrierCode, num: s.trackingNo, phone: s.phone, resultv2: '1' });
      const res = await post(`${c.pollUrl}/poll/query.do`, { customer: c.customer, param, sign: md5Upper(param + c.key + c.customer) });
      if (String(res.status) !== '200') throw refused(res);
      return toSnapshot(res);
    },
    verifyPush(form, salt) {
      const { param, sign } = form as { param?: unknown; sign?: unknown };
      if (typeof param !== 'string' || typeof sign !== 'string' || !safeEqualText(md5Upper(param + salt), sign.toUpperCase())) {
        throw new AppError('signature_invalid', { message: 'the push signature does not verify' });
      }
      let body: { lastResult?: unknown };
      try {
        body = JSON.parse(param) as { lastResult?: unknown };
      } catch {
        throw new AppError('validation_failed', { message: 'param is not JSON', errors: [{ path: 'body.param', message: 'not JSON' }] });
      }
      return toSnapshot(body.lastResult);
    },
  };
}
