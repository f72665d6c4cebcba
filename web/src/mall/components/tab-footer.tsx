import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useOutletContext } from 'react-router-dom';

export interface TabLayoutContext {
  footer: HTMLElement | null;
}

/** A bar that sits right above the bottom tab bar (the cart's 去结算), whatever the tab bar's height. */
export function TabFooter({ children }: { children: ReactNode }) {
  const ctx = useOutletContext<TabLayoutContext | undefined>();
  return ctx?.footer ? createPortal(children, ctx.footer) : null;
}
