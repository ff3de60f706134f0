/**
 * `npm run sync-server [-- --port N] [--dir DIR] [--public-origin https://host] [--team NAME --members a,b
 * --readers c] [--passwords-file FILE] [--admin-file FILE]`: a CouchDB-compatible server on http://127.0.0.1:5984
 * (in memory, or on disk in DIR, its owner's only) with a demo team set up as `npm run team:setup` does: `demo`,
 * members alice and bob, reader carol, generated passwords printed once. No password is ever an argument: the
 * server admin comes from DOSSIER_COUCH_ADMIN or --admin-file (generated and printed without one), users'
 * passwords from --passwords-file (`name:password` lines). It serves the device accounts of joined browsers at
 * /_dossier/devices too (scripts/team/devices.ts). Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { adminFrom, passwordsFrom, peopleFrom, refuseArgumentSecrets } from './team/secrets';
import { startSyncServer } from './team/server';
import { describeSetup, setupTeam } from './team/setup';

// Whatever the server writes (databases, log, session secret) is its owner's only.
process.umask(0o077);

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5984' },
    dir: { type: 'string' },
    admin: { type: 'string' },
    'admin-file': { type: 'string' },
    'passwords-file': { type: 'string' },
    'public-origin': { type: 'string', multiple: true },
    team: { type: 'string', default: 'demo' },
    members: { type: 'string', default: 'alice,bob' },
    readers: { type: 'string', default: 'carol' },
  },
});

try {
  refuseArgumentSecrets(values);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${values.port}: give a port number.`);
  const passwords = passwordsFrom(values['passwords-file']);
  const members = peopleFrom(values.members, passwords);
  const readers = peopleFrom(values.readers, passwords);
  const given = adminFrom(values['admin-file']);
  const server = await startSyncServer({
    port,
    ...(values.dir ? { dir: values.dir } : {}),
    ...(given ? { admin: given } : {}),
    publicOrigins: values['public-origin'] ?? [],
  });
  console.log(`Sync server: ${server.url} (${values.dir ? `databases in ${values.dir}` : 'in memory'})`);
  console.log(`  server admin ${server.admin.name}${given ? '' : `, password ${server.admin.password} (shown once)`}`);
  const report = await setupTeam({ url: server.url, admin: server.admin, team: values.team, members, readers });
  console.log(describeSetup(report).join('\n'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
