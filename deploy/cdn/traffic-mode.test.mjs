// Tests for traffic-mode.js with Node's own test runner: node --test deploy/cdn/
// The function runs as CloudFront would run it: the source file byte for byte, its one
// `import cf from 'cloudfront'` bound to a fake module (a KeyValueStore map and recorders for the
// origin helpers), `handler(event)` called with a viewer-request event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const SOURCE_PATH = fileURLToPath(new URL('./traffic-mode.js', import.meta.url));
const SOURCE = readFileSync(SOURCE_PATH, 'utf8');
const IMPORT_LINE = "import cf from 'cloudfront';";

/** A fake `cloudfront` module: kvs() over a Map, origin helpers that record their calls. */
function fakeCloudfront(store, { failOriginHelpers = false } = {}) {
  const calls = [];
  const kvsIds = [];
  const cf = {
    kvs(...args) {
      kvsIds.push(args);
      return {
        async get(key) {
          if (store instanceof Error) throw store;
          if (!store.has(key)) throw new Error('KeyNotFound: ' + key);
          return store.get(key);
        },
      };
    },
    updateRequestOrigin(params) {
      calls.push(['updateRequestOrigin', params]);
      if (failOriginHelpers) throw new Error('origin helper failed');
    },
    selectRequestOriginById(id) {
      calls.push(['selectRequestOriginById', id]);
      if (failOriginHelpers) throw new Error('origin helper failed');
    },
    createRequestOriginGroup(params) {
      calls.push(['createRequestOriginGroup', params]);
      if (failOriginHelpers) throw new Error('origin helper failed');
    },
  };
  return { cf, calls, kvsIds };
}

/** Loads traffic-mode.js against the fake module; returns its handler and the recorders. */
function load(store, options) {
  assert.ok(SOURCE.startsWith(IMPORT_LINE + '\n'), 'the source starts with the cloudfront import');
  const fake = fakeCloudfront(store, options);
  const logs = [];
  const context = vm.createContext({
    __cloudfront: fake.cf,
    console: { log: (line) => logs.push(String(line)) },
  });
  const script = 'var cf = __cloudfront;' + SOURCE.slice(IMPORT_LINE.length) + '\n;handler';
  const handler = vm.runInContext(script, context, { filename: SOURCE_PATH });
  return { handler, calls: fake.calls, kvsIds: fake.kvsIds, logs };
}

function event(headers = {}) {
  return {
    version: '1.0',
    context: { distributionDomainName: 'd111111abcdef8.cloudfront.net', eventType: 'viewer-request' },
    viewer: { ip: '2001:db8::1' },
    request: {
      method: 'GET',
      uri: '/hb46pp',
      querystring: {
        vendorid: { value: 'acde48' },
        product: { value: 'router' },
        callback: { value: '', multiValue: [{ value: '' }, { value: 'x' }] },
      },
      headers: {
        host: { value: 'rules.example.net' },
        'user-agent': { value: 'ce/1.0' },
        'x-forwarded-for': { value: '192.0.2.1' },
        ...headers,
      },
      cookies: { session: { value: 'abc' } },
    },
  };
}

const FAILOVER = [500, 502, 503, 504];

async function run(store, headers, options) {
  const loaded = load(store, options);
  const ev = event(headers);
  const before = structuredClone(ev.request);
  const result = await loaded.handler(ev);
  return { ...loaded, ev, before, result };
}

test('aws: nothing selected, the distribution default (origin group aws-first) applies', async () => {
  const { calls } = await run(new Map([['traffic-mode', 'aws']]));
  assert.deepEqual(calls, []);
});

test('azure: a request origin group with Azure primary, AWS secondary, same failover codes', async () => {
  const { calls } = await run(new Map([['traffic-mode', 'azure']]));
  assert.equal(calls.length, 1);
  const [name, params] = calls[0];
  assert.equal(name, 'createRequestOriginGroup');
  // Compared through JSON: the object was made in another VM context.
  assert.deepEqual(JSON.parse(JSON.stringify(params)), {
    originIds: [{ originId: 'azure' }, { originId: 'aws' }],
    failoverCriteria: { statusCodes: FAILOVER },
  });
});

test('aws-only: origin aws alone', async () => {
  const { calls } = await run(new Map([['traffic-mode', 'aws-only']]));
  assert.deepEqual(calls, [['selectRequestOriginById', 'aws']]);
});

test('azure-only: origin azure alone', async () => {
  const { calls } = await run(new Map([['traffic-mode', 'azure-only']]));
  assert.deepEqual(calls, [['selectRequestOriginById', 'azure']]);
});

test('values are read trimmed and case-insensitively', async () => {
  const { calls } = await run(new Map([['traffic-mode', ' Azure-Only\n']]));
  assert.deepEqual(calls, [['selectRequestOriginById', 'azure']]);
});

for (const [why, store] of [
  ['missing key', new Map()],
  ['unknown value', new Map([['traffic-mode', 'gcp']])],
  ['empty value', new Map([['traffic-mode', '']])],
  ['half a mode', new Map([['traffic-mode', 'azure-']])],
  ['KeyValueStore error', new Error('KVS unavailable')],
]) {
  test(`falls back to aws on ${why}`, async () => {
    const { calls, logs, result, ev } = await run(store);
    assert.deepEqual(calls, []);
    assert.equal(result, ev.request);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /using aws/);
  });
}

test('the request is returned otherwise untouched', async () => {
  for (const mode of ['aws', 'azure', 'aws-only', 'azure-only']) {
    const { result, ev, before } = await run(new Map([['traffic-mode', mode]]));
    assert.equal(result, ev.request, mode + ': the same request object');
    assert.deepEqual(JSON.parse(JSON.stringify(result)), before, mode + ': nothing changed');
  }
});

test('a client-sent origin-verify secret or viewer address is dropped, nothing else', async () => {
  const { result, before } = await run(new Map([['traffic-mode', 'azure']]), {
    'x-origin-verify': { value: 'guessed-secret' },
    'cloudfront-viewer-address': { value: '198.51.100.7:4242' },
  });
  assert.equal(result.headers['x-origin-verify'], undefined);
  assert.equal(result.headers['cloudfront-viewer-address'], undefined);
  const expected = structuredClone(before);
  delete expected.headers['x-origin-verify'];
  delete expected.headers['cloudfront-viewer-address'];
  assert.deepEqual(JSON.parse(JSON.stringify(result)), expected);
});

test('an origin helper that throws leaves the request on the default origin group', async () => {
  for (const mode of ['azure', 'aws-only', 'azure-only']) {
    const { result, ev, calls, logs } = await run(new Map([['traffic-mode', mode]]), {}, { failOriginHelpers: true });
    assert.equal(result, ev.request);
    assert.equal(calls.length, 1, mode);
    assert.match(logs.at(-1), /using aws/);
  }
});

test('the KeyValueStore handle is the one associated store (cf.kvs() without an id)', async () => {
  const { kvsIds } = await run(new Map([['traffic-mode', 'aws']]));
  assert.deepEqual(kvsIds, [[]]);
});

test('the source fits cloudfront-js-2.0: one import, no require, no export, under 10 KB', () => {
  assert.ok(Buffer.byteLength(SOURCE, 'utf8') < 10 * 1024);
  assert.equal(SOURCE.match(/\bimport\b/g).length, 1);
  assert.doesNotMatch(SOURCE, /\brequire\s*\(/);
  assert.doesNotMatch(SOURCE, /\bexport\b/);
  assert.match(SOURCE, /^async function handler\(event\)/m);
  assert.doesNotMatch(SOURCE, /console\.log\([^)]*,/, 'no comma syntax in console.log');
});

test('failover codes are ones CloudFront accepts and exclude answers that are correct (4xx)', () => {
  const allowed = new Set([400, 403, 404, 416, 500, 502, 503, 504]);
  for (const code of FAILOVER) assert.ok(allowed.has(code), code);
  assert.match(SOURCE, /var FAILOVER_STATUS_CODES = \[500, 502, 503, 504\];/);
});
