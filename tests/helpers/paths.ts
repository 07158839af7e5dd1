import path from 'node:path';

/**
 * Where the test templates are written: per run (FAZHI_TEST_RUN, set by vitest.config for the run
 * and inherited by its workers) and per database kind, so two runs in one tree, or both projects of
 * one run, never read each other's templates.
 */
export const templateDir = (kind = process.env.FAZHI_TEST_DB ?? 'pglite') => path.resolve('.tmp/test-templates', process.env.FAZHI_TEST_RUN ?? 'default', kind);

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
