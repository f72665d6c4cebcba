/**
 * The carrier port (物流接口): whatever produces waybills and tracking for us implements `CarrierGateway`. Today that is
 * Kuaidi100 (快递100, an aggregator speaking for the express companies below); a direct SF or JD adapter would be
 * another implementation of the same four calls.
 */
import type { TrackingState } from '../fulfilment/fulfilment.tables.js';

/** Express companies staff pick from, by their Kuaidi100 company code. `self` = own truck / pick-up, no tracking. */
export const CARRIERS = [
  { code: 'shunfeng', name: '顺丰速运' }, { code: 'zhongtong', name: '中通快递' }, { code: 'yuantong', name: '圆通速递' },
  { code: 'yunda', name: '韵达快递' }, { code: 'shentong', name: '申通快递' }, { code: 'jd', name: '京东物流' },
  { code: 'ems', name: 'EMS' }, { code: 'debangkuaidi', name: '德邦快递' }, { code: 'self', name: '自送/自提' },
] as const;
export const CARRIER_CODES = CARRIERS.map((c) => c.code) as [string, ...string[]];
export const carrierName = (code: string) => CARRIERS.find((c) => c.code === code)?.name ?? code;

export interface TrackingStep { at: Date; state: TrackingState; description: string; location: string | null }
export interface TrackingSnapshot { trackingNo: string; state: TrackingState; steps: TrackingStep[] }

export interface Party { name: string; phone: string; address: string }
export interface WaybillRequest { shipmentNo: string; carrierCode: string; sender: Party; receiver: Party; cargo: string; packages: number; weightGrams: number | null }

export interface CarrierGateway {
  /** Stored on shipments as `waybill_via` / `tracking_via`, and the webhook path segment. */
  readonly via: string;
  /** 电子面单: a tracking number for a parcel. The same shipmentNo always yields the same number (retries are safe). */
  createWaybill(r: WaybillRequest): Promise<{ trackingNo: string }>;
  /** Asks the carrier to push this parcel's tracking to `callbackUrl`, signed with `salt`. */
  subscribe(s: { carrierCode: string; trackingNo: string; phone?: string; callbackUrl: string; salt: string }): Promise<void>;
  /** The parcel's tracking now (实时查询). */
  query(s: { carrierCode: string; trackingNo: string; phone?: string }): Promise<TrackingSnapshot>;
  /** Verifies a push (form fields as received) with the parcel's salt; throws `signature_invalid` when it does not verify. */
  verifyPush(form: Record<string, unknown>, salt: string): TrackingSnapshot;
}
