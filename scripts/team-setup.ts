/**
 * `npm run team:setup -- --url URL --team NAME --members a,b --readers c [--remove d] [--passwords-file FILE]`:
 * creates or updates a team on a CouchDB 3 server (or the sync server): its database, _security, rules and
 * users. A user with a line `name:password` in the passwords file gets that password; a new user without one gets
 * a generated password, printed once. `--remove` takes users' roles in the team away and revokes their devices in
 * it. The server admin comes from DOSSIER_COUCH_ADMIN (`user:pass`) or `--admin-file FILE`: never an argument,
 * which every user of the machine sees in the process list (secrets.ts).
 *
 * `npm run team:setup -- --url URL --revoke-devices a,b [--team NAME]`: revokes every device account of these
 * users (in that team only, with --team): each of their browsers must join again.
 */
import { parseArgs } from 'node:util';
import { adminFrom, passwordsFrom, peopleFrom, refuseArgumentSecrets } from './team/secrets';
import { describeSetup, revokeDevices, setupTeam } from './team/setup';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    team: { type: 'string' },
    members: { type: 'string' },
    readers: { type: 'string' },
    remove: { type: 'string' },
    'revoke-devices': { type: 'string' },
    admin: { type: 'string' },
    'admin-file': { type: 'string' },
    'passwords-file': { type: 'string' },
  },
});
const names = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
const revoking = names(values['revoke-devices']);

try {
  refuseArgumentSecrets(values);
  const admin = adminFrom(values['admin-file']);
  if (!values.url || !admin || (!values.team && revoking.length === 0)) {
    console.error(
      [
        'Usage: DOSSIER_COUCH_ADMIN=user:pass npm run team:setup -- --url https://couch.example:6984 --team NAME --members a,b --readers c [--remove d] [--passwords-file FILE]',
        '       DOSSIER_COUCH_ADMIN=user:pass npm run team:setup -- --url https://couch.example:6984 --revoke-devices a,b [--team NAME]',
        '(--admin-file FILE, holding user:pass, instead of DOSSIER_COUCH_ADMIN)',
      ].join('\n'),
    );
    process.exit(2);
  }
  if (revoking.length > 0) {
    const result = await revokeDevices({
      url: values.url,
      admin,
      users: revoking,
      ...(values.team ? { team: values.team } : {}),
    });
    for (const { name, revoked } of result) {
      const list = revoked.length > 0 ? `: ${revoked.join(', ')}` : '';
      console.log(`${name}: ${revoked.length} device${revoked.length === 1 ? '' : 's'} revoked${list}`);
    }
  } else if (values.team) {
    const passwords = passwordsFrom(values['passwords-file']);
    const report = await setupTeam({
      url: values.url,
      admin,
      team: values.team,
      members: peopleFrom(values.members, passwords),
      readers: peopleFrom(values.readers, passwords),
      remove: names(values.remove),
    });
    console.log(describeSetup(report).join('\n'));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
