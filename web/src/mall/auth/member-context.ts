import { createContext } from 'react';
import type { MemberMe } from '../../shared/api/types';

/** Set by RequireMember; pages read the member from here, never from a cache that logout empties under them. */
export const MemberContext = createContext<MemberMe | null>(null);
