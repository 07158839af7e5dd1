import type { Client } from './http.js';

/** An officer as the officers' list answers. */
export interface SquadOfficer {
  id: string;
  name: string;
  certStatus: string;
}

/** The demo bureau's 水政监察大队 and its officers whose certificate is valid (who may handle a case), as `c` reads them. */
export async function squadOf(c: Client): Promise<{ squadId: string; officers: SquadOfficer[] }> {
  const orgs = (await c.req('GET', '/api/orgs')).body.data as Array<{ id: string; name: string }>;
  const squad = orgs.find((o) => o.name === '水政监察大队');
  if (!squad) throw new Error('the demo has no 水政监察大队');
  const all = (await c.req('GET', `/api/enforcement/officers?orgId=${squad.id}`)).body.data as SquadOfficer[];
  return { squadId: squad.id, officers: all.filter((o) => o.certStatus === 'valid') };
}
