import type { ReactNode } from 'react';
import { useTenant } from '../../shared/hooks/use-tenant';
import { LanguageSwitch } from '../components/language-switch';

/** Login, register and forgot-password: the company's name on top, the language switch in the corner. */
export function AuthPage({ title, children }: { title: string; children: ReactNode }) {
  const tenant = useTenant();
  return (
    <div className="dh-auth">
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <LanguageSwitch />
      </div>
      <div className="dh-muted" style={{ marginTop: 16 }} data-testid="tenant-name">{tenant.data?.name}</div>
      <div className="dh-auth-title">{title}</div>
      {children}
    </div>
  );
}
