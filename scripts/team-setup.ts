/**
 * `npm run team:setup -- --url URL --team NAME --members a,b --readers c [--remove d] [--admin user:pass]`:
 * creates or updates a team on a CouchDB 3 server (or the sync server): its database, _security, rules and
 * users. A user given as `name:password` gets that password; a new user without one gets a generated password,
 * printed once. `--remove` takes users' roles in the team away and revokes their devices in it. The admin may
 * also come from DOSSIER_COUCH_ADMIN (`user:pass`), which keeps it out of the shell's history.
 *
 * `npm run team:setup -- --url URL --revoke-devices a,b [--team NAME]`: revokes every device account of these
 * users (in that team only, with --team): each of their browsers must join again.
 */
import { parseArgs } from 'node:util';
import { describeSetup, parseCredentials, parsePeople, revokeDevices, setupTeam } from './team/setup';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    team: { type: 'string' },
    members: { type: 'string' },
    readers: { type: 'string' },
    remove: { type: 'string' },
    'revoke-devices': { type: 'string' },
    admin: { type: 'string' },
  },
});
const admin = values.admin ?? process.env.DOSSIER_COUCH_ADMIN;
const names = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
const revoking = names(values['revoke-devices']);
if (!values.url || !admin || (!values.team && revoking.length === 0)) {
  console.error(
    [
      'Usage: npm run team:setup -- --url https://couch.example:6984 --team NAME --members a,b --readers c [--remove d] --admin user:pass',
      '       npm run team:setup -- --url https://couch.example:6984 --revoke-devices a,b [--team NAME] --admin user:pass',
    ].join('\n'),
  );
  process.exit(2);
}

try {
  if (revoking.length > 0) {
    const result = await revokeDevices({
      url: values.url,
      admin: parseCredentials(admin),
      users: revoking,
      ...(values.team ? { team: values.team } : {}),
    });
    for (const { name, revoked } of result) {
      const list = revoked.length > 0 ? `: ${revoked.join(', ')}` : '';
      console.log(`${name}: ${revoked.length} device${revoked.length === 1 ? '' : 's'} revoked${list}`);
    }
  } else if (values.team) {
    const report = await setupTeam({
      url: values.url,
      admin: parseCredentials(admin),
      team: values.team,
      members: parsePeople(values.members),
      readers: parsePeople(values.readers),
      remove: names(values.remove),
    });
    console.log(describeSetup(report).join('\n'));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
