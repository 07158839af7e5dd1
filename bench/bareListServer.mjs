// The baseline of `npm run bench -- load`: a bare Fastify route doing one indexed query on dm_item — the
// 12345 list's first page in its default order (index dm_item_list_default), on the same PostgreSQL
// database as the product, through a pool of the product's size (10). No session, no scope, no schema.
//   node bench/bareListServer.mjs <databaseUrl> <port> <tenantId>
import Fastify from 'fastify';
import pg from 'pg';

const [url, port, tenantId] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify();
const LIST = `SELECT id, ref_no, status, title, org_id, received_at, due_on, closed_at FROM dm_item
  WHERE tenant_id = $1 AND kind = 'hotline'
  ORDER BY (closed_at IS NOT NULL), due_on, received_at DESC, id LIMIT 20`;
app.get('/healthz', async () => ({ ok: true }));
app.get('/list', async () => ({ data: { items: (await pool.query(LIST, [tenantId])).rows } }));
await app.listen({ port: Number(port), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
