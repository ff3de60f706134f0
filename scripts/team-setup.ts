/**
 * `npm run team:setup -- --url URL --team NAME --members a,b --readers c [--admin user:pass]`: creates or updates
 * a team on a CouchDB 3 server (or the sync server): its database, _security, rules and users. A user given as
 * `name:password` gets that password; a new user without one gets a generated password, printed once. The
 * admin may also come from DOSSIER_COUCH_ADMIN (`user:pass`), which keeps it out of the shell's history.
 */
import { parseArgs } from 'node:util';
import { describeSetup, parseCredentials, parsePeople, setupTeam } from './team/setup';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    team: { type: 'string' },
    members: { type: 'string' },
    readers: { type: 'string' },
    admin: { type: 'string' },
  },
});
const admin = values.admin ?? process.env.DOSSIER_COUCH_ADMIN;
if (!values.url || !values.team || !admin) {
  console.error(
    'Usage: npm run team:setup -- --url https://couch.example:6984 --team NAME --members a,b --readers c --admin user:pass',
  );
  process.exit(2);
}

try {
  const report = await setupTeam({
    url: values.url,
    admin: parseCredentials(admin),
    team: values.team,
    members: parsePeople(values.members),
    readers: parsePeople(values.readers),
  });
  console.log(describeSetup(report).join('\n'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
