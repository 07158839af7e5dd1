import { useEffect, useState } from 'react';
import { api } from '../../../api/client';

/** A person the audit log can be searched by (`GET /api/audit/actors`). */
export interface AuditActor {
  id: string;
  name: string;
  username: string;
}

/** The people to search the audit log by, as select options (姓名（用户名）). */
export function useAuditActors() {
  const [actors, setActors] = useState<AuditActor[]>([]);
  useEffect(() => {
    let live = true;
    api
      .get<AuditActor[]>('/api/audit/actors')
      .then((a) => live && setActors(a))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return actors.map((a) => ({ value: a.id, label: `${a.name}（${a.username}）` }));
}
