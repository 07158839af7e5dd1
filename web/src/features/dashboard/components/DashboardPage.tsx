import { Dashboard } from './Dashboard';

/** `/dashboard` — the leaders' dashboard on its own page. */
export function DashboardPage() {
  return <Dashboard />;
}
