/**
 * Whether this process should receive traffic: `starting` until it listens, `ready`, then `draining` from SIGTERM
 * until it exits. `/api/health/ready` answers 200 only when ready, so a load balancer stops sending new requests
 * to a process that is about to stop (liveness stays at `/api/health`).
 */
export type ReadinessState = 'starting' | 'ready' | 'draining';

export interface Readiness {
  readonly state: ReadinessState;
  ready(): void;
  drain(): void;
}

export function createReadiness(initial: ReadinessState = 'starting'): Readiness {
  let state = initial;
  return {
    get state() { return state; },
    ready() { if (state === 'starting') state = 'ready'; },
    drain() { state = 'draining'; },
  };
}
