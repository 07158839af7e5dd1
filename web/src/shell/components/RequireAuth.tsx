import type { ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../../api/session';

interface Props {
  children: ReactNode;
  /** The forced password change page itself (shown, not redirected to). */
  passwordChangePage?: boolean;
}

/** Lets signed-in users through; sends others to the login, and users with an initial password to change it. */
export function RequireAuth({ children, passwordChangePage }: Props) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <Flex align="center" justify="center" style={{ height: '100%' }}>
        <Spin size="large" description="正在加载…" />
      </Flex>
    );
  }
  if (state.status === 'anonymous') return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}`, expired: state.expired }} />;
  if (state.me.mustChangePassword && !passwordChangePage) return <Navigate to="/change-password" replace />;
  if (!state.me.mustChangePassword && passwordChangePage) return <Navigate to="/" replace />;
  return <>{children}</>;
}
