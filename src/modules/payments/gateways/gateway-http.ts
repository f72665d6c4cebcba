/**
 * Talking to a gateway over HTTP, and the three ways it can go wrong, as the port names them: not reachable or
 * answering garbage (`gateway_unavailable`, nothing changed, try again), answered and refused (`gateway_refused`),
 * and a callback that does not verify (`signature_invalid`).
 */
import { AppError } from '../../../platform/errors/app-error.js';
import type { GatewayName } from './payment-gateway.js';

export const DEFAULT_GATEWAY_TIMEOUT_MS = 10_000;

export interface GatewayAnswer { status: number; headers: Headers; text: string }

export const gatewayUnavailable = (gateway: GatewayName, why: string) =>
  new AppError('gateway_unavailable', { message: `${gateway}: ${why}`.slice(0, 300), details: { gateway } });

export const gatewayRefused = (gateway: GatewayName, code: string, why: string) =>
  new AppError('gateway_refused', { message: `${gateway} refused: ${why}`.slice(0, 300), details: { gateway, gatewayCode: code } });

export const signatureInvalid = (gateway: GatewayName, why: string) =>
  new AppError('signature_invalid', { message: `${gateway} callback refused: ${why}`.slice(0, 300), details: { gateway } });

/** One HTTP exchange with a timeout; a network failure or timeout becomes `gateway_unavailable`. */
export async function callGateway(gateway: GatewayName, url: string, init: RequestInit, timeoutMs: number, fetchImpl: typeof fetch): Promise<GatewayAnswer> {
  try {
    const res = await fetchImpl(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (e) {
    throw gatewayUnavailable(gateway, `not reachable (${(e as Error).message})`);
  }
}

/** JSON.parse that says "garbage" the port's way instead of throwing a SyntaxError. */
export function parseJsonAnswer(gateway: GatewayName, text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw gatewayUnavailable(gateway, 'answered without a JSON object');
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
