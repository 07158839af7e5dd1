import path from 'node:path';

/** Where the test templates are written (per database kind, so both projects can run at once). */
export const templateDir = (kind = process.env.FAZHI_TEST_DB ?? 'pglite') => path.resolve('.tmp/test-templates', kind);

export const pgTemplateName = (which: 'empty' | 'demo') => `fazhi_tpl_${which}`;

/** The server URL, optionally pointing at another database on it. */
export function adminUrl(database?: string): string {
  const url = process.env.FAZHI_TEST_PG_URL;
  if (!url) throw new Error('FAZHI_TEST_PG_URL is not set');
  if (!database) return url;
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
