/**
 * `DOSSIER_COUCH_ADMIN=user:pass npm run team:devices -- --couch http://127.0.0.1:5984 [--port 5985]
 * [--public-origin https://couch.example]`: the device service (scripts/team/devices.ts) on its own, on
 * 127.0.0.1, for a CouchDB 3 server. The reverse proxy that serves CouchDB over https sends `/_dossier/` here
 * (README, Teams); `--public-origin` names the host it serves. The admin comes from DOSSIER_COUCH_ADMIN or
 * `--admin-file FILE`, never an argument (secrets.ts).
 */
import { parseArgs } from 'node:util';
import { startDeviceService } from './team/devices';
import { adminFrom, refuseArgumentSecrets } from './team/secrets';

const { values } = parseArgs({
  options: {
    couch: { type: 'string' },
    admin: { type: 'string' },
    'admin-file': { type: 'string' },
    port: { type: 'string', default: '5985' },
    'public-origin': { type: 'string', multiple: true },
  },
});
try {
  refuseArgumentSecrets(values);
  const admin = adminFrom(values['admin-file']);
  const port = Number(values.port);
  if (!values.couch || !admin || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      'Usage: DOSSIER_COUCH_ADMIN=user:pass npm run team:devices -- --couch http://127.0.0.1:5984 [--port 5985] [--public-origin https://couch.example] (or --admin-file FILE)',
    );
    process.exit(2);
  }
  const service = await startDeviceService({
    couch: values.couch,
    admin,
    port,
    publicOrigins: values['public-origin'] ?? [],
  });
  console.log(`Device service: ${service.url}/_dossier/devices for ${values.couch}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      service.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
