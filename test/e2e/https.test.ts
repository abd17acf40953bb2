// The app on a real HTTPS origin behind Caddy, as `valise deploy` sets it up: Caddy (Debian's
// /usr/bin/caddy) with its internal CA instead of Let's Encrypt, the generated site block, the
// host name valise.test mapped to loopback in Chromium, which trusts only that test CA's key.
// The service worker installs on that origin, the phone joins and syncs, the app opens offline
// with the server stopped; an X-Forwarded-For written by a client is not believed past Caddy; a
// request that arrives while the server restarts waits for it rather than getting Caddy's 502.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caddyGlobalOptions, caddySite } from '../../src/server/deploy/files';
import { freePort } from '../helpers/free-port';
import { waitFor, waitForOutput } from '../helpers/wait-for';
import { launchBrowser, newDevice, PHONE } from './helpers/browser';
import { screenshot } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { isControlled, reloadUntilControlled } from './helpers/service-worker';
import { NetworkPage } from './pages/network-page';

const CADDY = '/usr/bin/caddy';
const HOST = 'valise.test';

let dir: string;
let caddy: ChildProcess;
let caddyOutput = '';
let server: RunningServer;
let serverEnv: NodeJS.ProcessEnv;
/** The server's data, kept across its restart. */
let dataDir: string;
let browser: Browser;
let httpsPort: number;
let origin: string;
let rootCa: string;

/** SHA-256 of a certificate's SubjectPublicKeyInfo, base64: what Chromium's SPKI list takes. */
function spkiHash(pem: string): string {
  const der = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/** A request to Caddy on loopback for valise.test, trusting only Caddy's test root. */
function viaCaddy(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: httpsPort,
        servername: HOST,
        ca: rootCa,
        path,
        method: init.method ?? 'GET',
        headers: { Host: `${HOST}:${httpsPort}`, ...init.headers },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

beforeAll(async () => {
  if (!existsSync(CADDY)) throw new Error(`Caddy is missing at ${CADDY}: apt-get install -y caddy (.ci/run does it).`);
  dir = mkdtempSync(join(tmpdir(), 'valise-https-'));
  httpsPort = await freePort();
  const httpPort = await freePort();
  origin = `https://${HOST}:${httpsPort}`;
  serverEnv = { VALISE_TRUSTED_PROXIES: '127.0.0.1', VALISE_PUBLIC_URL: origin };
  dataDir = join(dir, 'server-data');
  mkdirSync(dataDir);
  server = await startServer({ dataDir, env: serverEnv });
  // The generated Caddyfile, with test-only global options added: Caddy's own CA, no admin
  // endpoint, nothing installed in the machine's trust store, ports of our own.
  const settings = {
    domain: HOST,
    email: null,
    dataDir: '/unused',
    backupDir: '/unused',
    user: 'valise',
    appDir: '/unused',
    node: '/unused',
    port: server.port,
  };
  const config = `{
\tadmin off
\tlocal_certs
\tskip_install_trust
\thttp_port ${httpPort}
\thttps_port ${httpsPort}
${caddyGlobalOptions(settings)}}

${caddySite(settings)}`;
  writeFileSync(join(dir, 'Caddyfile'), config);
  caddy = spawn(CADDY, ['run', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')], {
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  caddy.stdout?.on('data', (chunk: Buffer) => {
    caddyOutput += chunk.toString();
  });
  caddy.stderr?.on('data', (chunk: Buffer) => {
    caddyOutput += chunk.toString();
  });
  // Its internal CA is made before it signs the site's certificate, which it logs.
  await waitForOutput(caddy, () => caddyOutput, /"certificate obtained successfully","identifier":"valise\.test"/, {
    failure: 'Caddy did not sign a certificate for valise.test',
    timeout: 60_000,
  });
  const pki = join(dir, 'data', 'caddy', 'pki', 'authorities', 'local');
  const intermediate = readFileSync(join(pki, 'intermediate.crt'), 'utf8');
  rootCa = readFileSync(join(pki, 'root.crt'), 'utf8');
  // Signed is not yet known to be served: asked until Caddy answers over TLS with it.
  await waitFor(
    `Caddy did not serve valise.test; it said:\n${caddyOutput}`,
    async () => (await viaCaddy('/api/health')).status === 200,
  );
  browser = await launchBrowser([
    `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
    // Only certificates signed by this test CA are accepted despite being unknown to the system.
    `--ignore-certificate-errors-spki-list=${spkiHash(intermediate)}`,
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  caddy?.kill('SIGTERM');
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the app on its own HTTPS origin behind Caddy', () => {
  test('installs its service worker, joins, syncs, and opens offline with the server stopped', async () => {
    const context = await newDevice(browser, PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
      await reloadUntilControlled(page);
      const code = server.output().match(/code: ([A-Z0-9-]+)/)?.[1] ?? '';
      expect(server.output()).toContain(`link: ${origin}/#/rejoindre?code=${code}`);
      const network = new NetworkPage(page, origin);
      await network.openInvitation(code);
      await network.join('Camille Martin', 'Téléphone de Camille');
      await expect.poll(() => network.state(), { timeout: 30_000 }).toBe('idle');
      await screenshot(page, 'https-joined-behind-caddy');

      // A guesser spoofing X-Forwarded-For through Caddy is counted at its real address.
      const wrongJoin = (spoofed: string) =>
        viaCaddy('/api/join', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': spoofed },
          body: JSON.stringify({
            code: 'AAAA-BBBB-CCCC',
            deviceName: 'x',
            memberName: 'x',
            clockNode: 'bbbbbbbbbbbbbbbb',
          }),
        });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt++) statuses.push((await wrongJoin(`198.51.100.${attempt}`)).status);
      expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
      expect(statuses[10]).toBe(429);
      const joinLines = () =>
        server
          .output()
          .split('\n')
          .filter((line) => line.includes('"path":"/api/join"'));
      // The server logs a request after answering it, and its output reaches this process through a
      // pipe: the last refusal's line may arrive after its response did.
      await expect.poll(() => joinLines().length).toBeGreaterThanOrEqual(12);
      expect(joinLines().every((line) => line.includes('"address":"127.0.0.1"'))).toBe(true);

      // An upgrade's restart: while nothing listens on the server's port, Caddy holds the request
      // and tries again, where it answered 502 at once (the new server takes far longer to listen
      // than the request takes to reach Caddy).
      const port = server.port;
      await server.stop();
      const duringRestart = viaCaddy('/api/health');
      server = await startServer({ dataDir, port, env: serverEnv });
      expect((await duringRestart).status).toBe(200);

      await server.stop();
      await context.setOffline(true);
      await page.goto(`${origin}/#/reglages`);
      expect(await isControlled(page)).toBe(true);
      await page.locator('main h1').waitFor();
      await expect.poll(() => network.state(), { timeout: 30_000 }).toBe('offline');
    } finally {
      await context.close();
    }
  });
});
