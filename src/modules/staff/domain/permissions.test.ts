import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, PERMISSION_CODES, widestScope } from './permissions.js';

describe('permission catalogue', () => {
  it('has unique codes', () => {
    expect(new Set(PERMISSION_CODES).size).toBe(PERMISSION_CODES.length);
  });

  it('gives built-in roles only known permissions', () => {
    for (const role of BUILT_IN_ROLES) for (const p of role.permissions) expect(PERMISSION_CODES).toContain(p);
  });

  it('covers every role of the glossary', () => {
    expect(BUILT_IN_ROLES.map((r) => r.code).sort()).toEqual(
      ['admin', 'finance', 'order_clerk', 'owner', 'regional_manager', 'sales', 'service', 'shipping', 'warehouse'],
    );
  });
});

describe('widest data scope', () => {
  it.each([
    [['assigned'], 'assigned'],
    [['assigned', 'region'], 'region'],
    [['region', 'all'], 'all'],
    [[], 'assigned'],
  ] as const)('of %j is %s', (scopes, expected) => {
    expect(widestScope(scopes)).toBe(expected);
  });
});
