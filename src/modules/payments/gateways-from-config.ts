/**
 * The payment gateways this deployment has merchant accounts for, from its environment (README: 在线支付). A gateway
 * is on when its required variables are all set; a half-configured one is a configuration error at start, not a
 * surprise at the first payment. Keys are PEM text, the bare base64 the vendors' key tools print, or a file path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, type Config } from '../../platform/config.js';
import { createAlipayGateway } from './gateways/alipay.adapter.js';
import { createUnionpayGateway } from './gateways/unionpay.adapter.js';
import { createWechatPayGateway } from './gateways/wechat-pay.adapter.js';
import type { GatewayRegistry } from './online-gateways.js';

/** A key given as a file path is read; PEM text or bare base64 is taken as it is. */
const keyText = (v: string) => (!v.includes('-----') && !/^[A-Za-z0-9+/=\s]{64,}$/.test(v) && existsSync(v) ? readFileSync(v, 'utf8') : v);

const wechat = z.object({
  WECHATPAY_MCH_ID: z.string(), WECHATPAY_APP_ID: z.string(), WECHATPAY_SERIAL_NO: z.string(), WECHATPAY_PRIVATE_KEY: z.string(),
  WECHATPAY_API_V3_KEY: z.string().length(32, 'the APIv3 key is 32 characters'), WECHATPAY_PLATFORM_PUBLIC_KEY: z.string(), WECHATPAY_PLATFORM_PUBLIC_KEY_ID: z.string(),
  WECHATPAY_URL: z.string().url().default('https://api.mch.weixin.qq.com'),
});
const alipay = z.object({
  ALIPAY_APP_ID: z.string(), ALIPAY_PRIVATE_KEY: z.string(), ALIPAY_PUBLIC_KEY: z.string(),
  ALIPAY_GATEWAY_URL: z.string().url().default('https://openapi.alipay.com/gateway.do'),
});
const unionpay = z.object({
  UNIONPAY_MER_ID: z.string(), UNIONPAY_CERT_ID: z.string(), UNIONPAY_SIGN_KEY: z.string(), UNIONPAY_PUBLIC_KEY: z.string(),
  UNIONPAY_GATEWAY_URL: z.string().url().default('https://gateway.95516.com/gateway/api'),
  UNIONPAY_REFUND_NOTIFY_URL: z.string().url().optional(),
});

function section<T extends z.ZodTypeAny>(env: Record<string, string>, prefix: string, schema: T): z.infer<T> | null {
  if (!Object.keys(env).some((k) => k.startsWith(prefix))) return null;
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message === 'Invalid input: expected string, received undefined' ? 'required' : i.message}`).join('\n')}`);
  return parsed.data;
}

export function paymentGatewaysFromConfig(config: Config): GatewayRegistry {
  const env = config.paymentEnv;
  const out: GatewayRegistry = {};
  const w = section(env, 'WECHATPAY_', wechat);
  if (w) {
    out.wechat = createWechatPayGateway({
      baseUrl: w.WECHATPAY_URL, appId: w.WECHATPAY_APP_ID, mchId: w.WECHATPAY_MCH_ID, merchantSerialNo: w.WECHATPAY_SERIAL_NO,
      merchantPrivateKey: keyText(w.WECHATPAY_PRIVATE_KEY), apiV3Key: w.WECHATPAY_API_V3_KEY,
      platformPublicKey: keyText(w.WECHATPAY_PLATFORM_PUBLIC_KEY), platformPublicKeyId: w.WECHATPAY_PLATFORM_PUBLIC_KEY_ID,
    });
  }
  const a = section(env, 'ALIPAY_', alipay);
  if (a) out.alipay = createAlipayGateway({ gatewayUrl: a.ALIPAY_GATEWAY_URL, appId: a.ALIPAY_APP_ID, appPrivateKey: keyText(a.ALIPAY_PRIVATE_KEY), alipayPublicKey: keyText(a.ALIPAY_PUBLIC_KEY) });
  const u = section(env, 'UNIONPAY_', unionpay);
  if (u) {
    out.unionpay = createUnionpayGateway({
      gatewayUrl: u.UNIONPAY_GATEWAY_URL, merId: u.UNIONPAY_MER_ID, certId: u.UNIONPAY_CERT_ID, signPrivateKey: keyText(u.UNIONPAY_SIGN_KEY),
      unionpayPublicKey: keyText(u.UNIONPAY_PUBLIC_KEY),
      // UnionPay requires a backUrl on refunds; their results are read by query, so any endpoint answering 200 will do.
      refundNotifyUrl: u.UNIONPAY_REFUND_NOTIFY_URL ?? `${config.publicUrl}/api/health`,
    });
  }
  return out;
}

/** The variables that point this deployment at running simulators (the demo's 沙箱支付), for the environment. */
export function simulatorEnv(s: {
  wechat: { adapterConfig: { baseUrl: string; appId: string; mchId: string; merchantSerialNo: string; merchantPrivateKey: string; apiV3Key: string; platformPublicKey: string; platformPublicKeyId: string } };
  alipay: { adapterConfig: { gatewayUrl: string; appId: string; appPrivateKey: string; alipayPublicKey: string } };
  unionpay: { adapterConfig: { gatewayUrl: string; merId: string; certId: string; signPrivateKey: string; unionpayPublicKey: string } };
}): Record<string, string> {
  const w = s.wechat.adapterConfig, a = s.alipay.adapterConfig, u = s.unionpay.adapterConfig;
  return {
    WECHATPAY_URL: w.baseUrl, WECHATPAY_MCH_ID: w.mchId, WECHATPAY_APP_ID: w.appId, WECHATPAY_SERIAL_NO: w.merchantSerialNo, WECHATPAY_PRIVATE_KEY: w.merchantPrivateKey,
    WECHATPAY_API_V3_KEY: w.apiV3Key, WECHATPAY_PLATFORM_PUBLIC_KEY: w.platformPublicKey, WECHATPAY_PLATFORM_PUBLIC_KEY_ID: w.platformPublicKeyId,
    ALIPAY_GATEWAY_URL: a.gatewayUrl, ALIPAY_APP_ID: a.appId, ALIPAY_PRIVATE_KEY: a.appPrivateKey, ALIPAY_PUBLIC_KEY: a.alipayPublicKey,
    UNIONPAY_GATEWAY_URL: u.gatewayUrl, UNIONPAY_MER_ID: u.merId, UNIONPAY_CERT_ID: u.certId, UNIONPAY_SIGN_KEY: u.signPrivateKey, UNIONPAY_PUBLIC_KEY: u.unionpayPublicKey,
  };
}
