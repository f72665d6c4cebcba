import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

/** A page below 我的: title bar with a back arrow, then the content. */
export function SubPage({ title, back = '/me', right, children }: { title: ReactNode; back?: string; right?: ReactNode; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <>
      <div className="dh-navbar">
        <NavBar onBack={() => navigate(back)} right={right}>{title}</NavBar>
      </div>
      <div className="dh-page-body">{children}</div>
    </>
  );
}
