import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  DATA_DIR: z.string().default('./data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  PUBLIC_URL: z.string().url('PUBLIC_URL must be a URL like https://order.example.com').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().default('Dinghuo <no-reply@dinghuo.local>'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  DEMO_SEED: z.enum(['auto', 'never']).default('auto'),
  WEB_DIST: z.string().default('./dist/web'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  UPLOADS_DIR: z.string().optional(),
  KUAIDI100_KEY: z.string().optional(),
  KUAIDI100_CUSTOMER: z.string().optional(),
  KUAIDI100_SECRET: z.string().optional(),
  KUAIDI100_POLL_URL: z.string().url().default('https://poll.kuaidi100.com'),
  KUAIDI100_API_URL: z.string().url().default('https://api.kuaidi100.com'),
  CARRIER_SIMULATOR: z.enum(['on', 'off']).optional(),
  PAYMENT_SIMULATOR: z.enum(['on', 'off']).optional(),
  READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  METRICS: z.enum(['on', 'off']).default('on'),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
});

export interface SmtpConfig { host: string; port: number; secure: boolean; user?: string; pass?: string; from: string }

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  poolSize: number;
  /** Server processes sharing the port (PostgreSQL server only; the embedded database has one process). */
  workers: number;
  dataDir: string;
  sessionSecret: string;
  sessionTtlHours: number;
  publicUrl: string;
  secureCookies: boolean;
  logLevel: string;
  smtp?: SmtpConfig;
  loginRateLimitPerMinute: number;
  demoSeed: 'auto' | 'never';
  webDist: string;
  /** Behind nginx: take the client address from X-Forwarded-For (only then: it is spoofable otherwise). */
  trustProxy: boolean;
  /** Uploaded files (product images); default DATA_DIR/uploads. */
  uploadsDir: string;
  /** The Kuaidi100 (快递100) account for waybills and tracking; absent = tracking numbers are typed in. */
  kuaidi100?: { pollUrl: string; apiUrl: string; key: string; customer: string; secret: string };
  /** Start the local simulated carrier (模拟快递) and use it as Kuaidi100: default on outside production when no account is configured. */
  carrierSimulator: boolean;
  /** How long a session's actor, the tenant settings and a viewer's company may be reused from memory (0 = never). */
  readCacheMs: number;
  /** Prometheus metrics at /metrics; with a token only for `Authorization: Bearer <token>`. */
  metrics: { enabled: boolean; token?: string };
  /** The WECHATPAY_*, ALIPAY_* and UNIONPAY_* variables, read by the payments module (gateways-from-config.ts). */
  paymentEnv: Record<string, string>;
  /** Start local simulated gateways (沙箱支付) for WeChat Pay, Alipay and UnionPay: default on outside production when none is configured. */
  paymentSimulator: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required when NODE_ENV=production (32+ random characters)');
  }
  if (e.WORKERS > 1 && !e.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  WORKERS: more than one server process needs a PostgreSQL server (DATABASE_URL); the embedded database belongs to one process');
  }
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const paymentEnv = Object.fromEntries(Object.entries(stripEmpty(env)).filter(([k]) => /^(WECHATPAY|ALIPAY|UNIONPAY)_/.test(k)));
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    workers: e.WORKERS,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? persistedSecret(dataDir),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE === 'true', user: e.SMTP_USER, pass: e.SMTP_PASS, from: e.SMTP_FROM }
      : undefined,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    demoSeed: e.DEMO_SEED,
    webDist: resolve(e.WEB_DIST),
    trustProxy: e.TRUST_PROXY === 'true',
    uploadsDir: resolve(e.UPLOADS_DIR ?? join(dataDir, 'uploads')),
    kuaidi100: e.KUAIDI100_KEY && e.KUAIDI100_CUSTOMER
      ? { pollUrl: e.KUAIDI100_POLL_URL, apiUrl: e.KUAIDI100_API_URL, key: e.KUAIDI100_KEY, customer: e.KUAIDI100_CUSTOMER, secret: e.KUAIDI100_SECRET ?? '' }
      : undefined,
    carrierSimulator: (e.CARRIER_SIMULATOR ?? (e.NODE_ENV === 'production' || e.KUAIDI100_KEY ? 'off' : 'on')) === 'on',
    readCacheMs: e.READ_CACHE_MS,
    metrics: { enabled: e.METRICS === 'on', token: e.METRICS_TOKEN },
    paymentEnv,
    paymentSimulator: (e.PAYMENT_SIMULATOR ?? (e.NODE_ENV === 'production' || Object.keys(paymentEnv).length ? 'off' : 'on')) === 'on',
  };
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1] !== ''));
}

/** Zero-config start: a random secret kept in the data dir so sessions survive restarts. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
