import { api } from './client';
import { rememberCsrfToken } from './csrf';
import type { Me, MeResponse, Realm, RegisterInput } from './types';

/** Calls behind the login, password and session screens of both apps. */
export const authApi = {
  async login<M extends Me>(realm: Realm, login: string, password: string): Promise<M> {
    const res = await api.post<MeResponse<M>>(`/auth/${realm}/login`, { login, password });
    rememberCsrfToken(res.csrfToken);
    return res.me;
  },
  logout: () => api.post<void>('/auth/logout'),
  logoutOthers: () => api.post<{ revoked: number }>('/auth/logout-others'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/password', { currentPassword, newPassword }),
  requestReset: (realm: Realm, login: string) => api.post<{ sent: boolean }>('/auth/reset/request', { realm, login }),
  confirmReset: (realm: Realm, login: string, code: string, newPassword: string) =>
    api.post<void>('/auth/reset/confirm', { realm, login, code, newPassword }),
  register: (input: RegisterInput) =>
    api.post<{ customerId: string; status: 'pending' | 'active' }>('/auth/register', input),
};
