// The development server (`scripts/serve`): a malformed address gets 400 and
// the server goes on serving; nothing outside www/ is served.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';

import { serve } from '../../scripts/serve.mjs';

let server;

before(async () => {
  server = await serve();
});

after(async () => {
  await server?.close();
});

// A raw request: `fetch` would normalise or refuse the paths under test.
function get(path) {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a malformed URL gets 400 and the server keeps serving', async () => {
  for (const path of ['/%E0%A4%A', '/%', '/%00', '/a%ZZ']) {
    assert.equal(await get(path), 400, path);
  }
  assert.equal(await get('/'), 200);
});

test('paths outside www/ are refused or not found', async () => {
  for (const path of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/..%2fCargo.toml']) {
    assert.ok([403, 404].includes(await get(path)), path);
  }
  assert.equal(await get('/no-such-file'), 404);
});
