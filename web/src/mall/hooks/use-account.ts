import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { MallAccount } from '../../shared/api/types';

export const ACCOUNT_PATH = '/mall/account';

/** The member and their company, as the mall shows them. */
export function useAccount() {
  return useQuery({ queryKey: [ACCOUNT_PATH], queryFn: () => api.get<MallAccount>(ACCOUNT_PATH) });
}
