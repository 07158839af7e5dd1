/** Record ids: uuids (gen_random_uuid). One check, so a malformed id never reaches SQL (22P02). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a uuid in its canonical 8-4-4-4-12 hex form. */
export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}
