import { describe, expect, it } from 'vitest';
import { connectionLost } from './db-errors.js';

/** Drizzle's wrapper: the failed query and its parameters in the message, the driver's error as the cause. */
const wrapped = (cause: Error, params = '') => Object.assign(new Error(`Failed query: rollback\nparams: ${params}`), { cause });
const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('connectionLost', () => {
  it.each([
    ['the server ended the connection (pg_terminate_backend, restart)', wrapped(coded('terminating connection due to administrator command', '57P01'))],
    ['the server is starting or shutting down', coded('the database system is starting up', '57P03')],
    ['nobody listens', coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', wrapped(coded('read ECONNRESET', 'ECONNRESET'))],
    ['ROLLBACK on a connection that broke (reported instead of the original error)', wrapped(new Error('Client has encountered a connection error and is not queryable'))],
    ['a connection closed under a query', wrapped(new Error('Connection terminated unexpectedly'))],
    ['no free connection in time', new Error('timeout exceeded when trying to connect')],
  ])('is true for %s', (_what, err) => expect(connectionLost(err)).toBe(true));

  it.each([
    ['a unique violation whose parameters happen to quote a driver message', wrapped(coded('duplicate key value violates unique constraint', '23505'), 'Connection terminated unexpectedly')],
    ['a serialization failure', wrapped(coded('could not serialize access', '40001'))],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['nothing', null],
  ])('is false for %s', (_what, err) => expect(connectionLost(err)).toBe(false));
});
