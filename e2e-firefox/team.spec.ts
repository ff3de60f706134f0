import { type SyncServer, startSyncServer } from '../scripts/team/server';
import { basicAuth, setupTeam } from '../scripts/team/setup';
import { expect, painted, test } from './harness';

/*
 * Teams in Firefox against the same sync server as the Chromium suite: Bob joins from the options page, and a
 * card Alice shares (written to the team's database by her, as her Dossier's replication does) links on his pages.
 */

let server: SyncServer;
const ALICE = { name: 'alice', password: 'alice-password-1' };
const BOB = { name: 'bob', password: 'bob-password-12' };

test.beforeAll(async () => {
  server = await startSyncServer({});
  await setupTeam({ url: server.url, team: 'research', members: [ALICE, BOB], readers: [], admin: server.admin });
});
test.afterAll(async () => {
  await server.close();
});

test('a member joins in Firefox and a teammate’s shared card is linked on the page', async ({
  extensionPage,
  openAnnotated,
}) => {
  const options = await extensionPage('src/ui/options/index.html');
  const form = (await options.waitForSelector('form[aria-label="Join a team"]'))!;
  const inputs = await form.$$('input');
  const values = [server.url, 'research', BOB.name, BOB.password];
  for (const [i, value] of values.entries()) await inputs[i]!.type(value);
  await (await form.$('button[type="submit"]'))!.click();
  const teamsText = () =>
    options.evaluate(() => document.querySelector('section[aria-labelledby="teams-title"]')?.textContent ?? '');
  await expect.poll(teamsText, { timeout: 15_000 }).toContain('Synced');

  // Alice shares a card that names a city on the demo page (none of Bob's own cards does).
  const page = await openAnnotated('/demo/');
  expect(await painted(page, 'ann-entity')).not.toContain('Taipei');
  const put = await fetch(`${server.url}/dossier-team-research/card:taipei`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: basicAuth(ALICE) },
    body: JSON.stringify({
      type: 'card',
      schema: 2,
      cardId: 'taipei',
      name: 'Taipei',
      kind: 'place',
      summary: 'Capital of Taiwan.',
      createdBy: 'alice',
      updatedBy: 'alice',
    }),
  });
  expect(put.status, await put.text()).toBe(201);
  // Replicated live to Bob's browser, which paints its mentions on the open page.
  await expect
    .poll(async () => [...(await painted(page, 'ann-entity')), ...(await painted(page, 'ann-topic'))], {
      timeout: 20_000,
    })
    .toContain('Taipei');
});
