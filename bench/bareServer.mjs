// The baseline of `npm run bench -- start`: a bare Fastify route answering from embedded PGlite
// opened on the same data folder as the product — what any server on this stack costs to start.
//   node bench/bareServer.mjs <dataDir> <port>
import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';

const [dataDir, port] = process.argv.slice(2);
const db = await PGlite.create({ dataDir });
const app = Fastify();
app.get('/healthz', async () => ({ ok: (await db.query('SELECT 1 AS one')).rows.length === 1 }));
await app.listen({ port: Number(port), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
