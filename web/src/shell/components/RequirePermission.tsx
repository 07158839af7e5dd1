import type { ReactNode } from 'react';
import { useCan } from '../../api/session';
import { ForbiddenPage } from '../pages/ForbiddenPage';

/** Shows the page only to users holding `permission` (the server checks again on every call). */
export function RequirePermission({ permission, children }: { permission?: string; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <ForbiddenPage />;
}
