import { createContext } from 'react';
import type { StaffMe } from '../../shared/api/types';

/** Set by RequireStaff; pages read the staff from here, never from a cache that logout empties under them. */
export const StaffContext = createContext<StaffMe | null>(null);
