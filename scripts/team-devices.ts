/**
 * `npm run team:devices -- --couch http://127.0.0.1:5984 --admin user:pass [--port 5985]`: the device service
 * (scripts/team/devices.ts) on its own, on 127.0.0.1, for a CouchDB 3 server. The reverse proxy that serves
 * CouchDB over https sends `/_dossier/` here (README, Teams). The admin may also come from DOSSIER_COUCH_ADMIN.
 */
import { parseArgs } from 'node:util';
import { startDeviceService } from './team/devices';
import { parseCredentials } from './team/setup';

const { values } = parseArgs({
  options: {
    couch: { type: 'string' },
    admin: { type: 'string' },
    port: { type: 'string', default: '5985' },
  },
});
const admin = values.admin ?? process.env.DOSSIER_COUCH_ADMIN;
const port = Number(values.port);
if (!values.couch || !admin || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('Usage: npm run team:devices -- --couch http://127.0.0.1:5984 --admin user:pass [--port 5985]');
  process.exit(2);
}
try {
  const service = await startDeviceService({ couch: values.couch, admin: parseCredentials(admin), port });
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
