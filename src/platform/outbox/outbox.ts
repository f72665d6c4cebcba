import type { Tx } from '../db/database.js';
import { newId } from '../ids.js';
import { outboxEvents } from './outbox.tables.js';

export interface DomainEvent {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Records an event inside the caller's transaction: it exists if and only if the change commits. */
export async function emitEvent(tx: Tx, tenantId: string, event: DomainEvent): Promise<void> {
  await tx.insert(outboxEvents).values({ tenantId, id: newId(), ...event });
}
