// The browser tests' static server (support/staticServer.ts): content types, the index.html fallback for app
// routes, 404 for missing assets, and no way out of the served folder. No browser needed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from './support/staticServer.ts';

/** A raw GET (fetch would normalise `..` away before sending). */
function get(base: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request(`${base}/`, { path }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', fail).end();
  });
}

describe('static server for the built app', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layerlab-static-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>LayerLab</title>');
    writeFileSync(join(dir, 'dist', 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'dist', 'assets', 'h5.wasm'), '\0asm');
    server = await startStaticServer(join(dir, 'dist'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 on a port the OS picked', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves files with their content types', async () => {
    expect(await get(server.url, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get(server.url, '/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'export {};' });
    expect(await get(server.url, '/assets/h5.wasm')).toMatchObject({ status: 200, type: 'application/wasm' });
  });

  it('answers app routes with index.html and missing assets with 404', async () => {
    expect(await get(server.url, '/lessons/xor?step=2')).toMatchObject({ status: 200, body: '<!doctype html><title>LayerLab</title>' });
    expect((await get(server.url, '/assets/missing.js')).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt'])(
    'never serves a file outside the folder (%s)',
    async (path) => {
      const { status, body } = await get(server.url, path);
      expect(body).not.toContain('outside');
      expect(status).toBe(404);
    },
  );
});
