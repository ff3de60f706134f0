/**
 * `npm run sync-server [-- --port N] [--dir DIR] [--admin user:pass] [--team NAME --members … --readers …]`:
 * a CouchDB-compatible server on http://127.0.0.1:5984 (in memory, or on disk in DIR) with a demo team set up
 * as `npm run team:setup` does: `demo`, members alice and bob, reader carol, passwords printed. It serves the
 * device accounts of joined browsers at /_dossier/devices too (scripts/team/devices.ts). Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { startSyncServer } from './team/server';
import { describeSetup, parseCredentials, parsePeople, setupTeam } from './team/setup';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5984' },
    dir: { type: 'string' },
    admin: { type: 'string' },
    team: { type: 'string', default: 'demo' },
    members: { type: 'string', default: 'alice,bob' },
    readers: { type: 'string', default: 'carol' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: give a port number.`);
  process.exit(2);
}
const server = await startSyncServer({
  port,
  ...(values.dir ? { dir: values.dir } : {}),
  ...(values.admin ? { admin: parseCredentials(values.admin) } : {}),
});
console.log(`Sync server: ${server.url} (${values.dir ? `databases in ${values.dir}` : 'in memory'})`);
console.log(`  server admin ${server.admin.name}${values.admin ? '' : `, password ${server.admin.password}`}`);
const report = await setupTeam({
  url: server.url,
  admin: server.admin,
  team: values.team,
  members: parsePeople(values.members),
  readers: parsePeople(values.readers),
});
console.log(describeSetup(report).join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(() => process.exit(0));
  });
}
