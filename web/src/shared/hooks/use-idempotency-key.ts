import { useRef } from 'react';
import { newIdempotencyKey } from '../api/client';

/**
 * One Idempotency-Key per submission: the same body sent again (a retry after a lost answer) reuses its key, a
 * different body is a new submission with a new key. `reset()` after success, so the next one is new too.
 */
export function useIdempotencyKey() {
  const ref = useRef<{ signature: string; key: string } | null>(null);
  return {
    keyFor(body: unknown): string {
      const signature = JSON.stringify(body);
      if (ref.current?.signature !== signature) ref.current = { signature, key: newIdempotencyKey() };
      return ref.current.key;
    },
    reset() {
      ref.current = null;
    },
  };
}
