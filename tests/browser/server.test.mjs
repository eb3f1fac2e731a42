// The local server (scripts/serve.sh, the tests) and the headers the README tells deployers to
// send. Security review row 19: a malformed request gets 400, not a dead server. Row 20: the
// README's ready snippets for nginx and Apache send exactly the headers this server sends, and
// with them the embed pages refuse to be framed by another site.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { launch, here, repo } from './harness.mjs';
import { start, CSP } from './server.mjs';

/** Sends `raw` as it stands (no client library to tidy it); resolves to the status line. */
function rawRequest(port, raw) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    let text = '';
    socket.on('data', (d) => { text += d; });
    socket.on('end', () => resolve(text.split('\r\n')[0]));
    socket.on('error', reject);
    socket.setTimeout(5000, () => { socket.destroy(); resolve(text.split('\r\n')[0] || 'timeout'); });
  });
}

test('a malformed request gets 400 and the server keeps serving', async () => {
  const child = spawn(process.execPath, [path.join(here, 'server.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.on('data', (d) => { const m = /http:\/\/[^\s]+/.exec(String(d)); if (m) resolve(m[0]); });
      child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    const port = Number(new URL(url).port);
    assert.match(await rawRequest(port, 'GET /%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'), / 400 /);
    assert.equal(child.exitCode, null, 'still running');
    assert.match(await rawRequest(port, 'GET /probity-widget.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'), / 200 /);
  } finally {
    child.kill();
  }
});

/** The README's snippet for one server, as text. */
function snippet(lang) {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme);
  assert.ok(m, `README has a ${lang} snippet`);
  return m[1];
}

test("the README's nginx and Apache snippets send the headers this server sends", async () => {
  const srv = await start({ root: path.join(repo, 'www') });
  try {
    const get = async (p) => (await fetch(new URL(p, srv.url))).headers;
    const page = await get('embed.html');
    const entry = await get('probity-widget.js');
    const versioned = await get('probity.css?v=0123456789ab');
    assert.equal(page.get('content-security-policy'), CSP);
    for (const h of [page, entry, versioned]) assert.equal(h.get('x-content-type-options'), 'nosniff');
    assert.equal(entry.get('cache-control'), 'no-cache');
    assert.equal(page.get('cache-control'), 'no-cache');
    assert.equal(versioned.get('cache-control'), 'public, max-age=31536000, immutable', 'a file named by its build never changes');
    for (const d of ['frame-ancestors', 'connect-src', 'base-uri']) assert.match(CSP, new RegExp(d));

    const nginx = snippet('nginx');
    assert.ok(nginx.includes(`add_header Content-Security-Policy "${CSP}" always;`), nginx);
    assert.ok(nginx.includes('add_header X-Content-Type-Options "nosniff" always;'));
    assert.ok(nginx.includes('add_header Referrer-Policy "no-referrer" always;'));
    assert.ok(nginx.includes('"no-cache"') && nginx.includes('"public, max-age=31536000, immutable"'));
    const apache = snippet('apache');
    assert.ok(apache.includes(`Header always set Content-Security-Policy "${CSP}"`), apache);
    assert.ok(apache.includes('Header always set X-Content-Type-Options "nosniff"'));
    assert.ok(apache.includes('Header always set Referrer-Policy "no-referrer"'));
    assert.ok(apache.includes('"no-cache"') && apache.includes('"public, max-age=31536000, immutable"'));
  } finally {
    srv.server.close();
  }
});

test('the embed pages refuse to be framed by another site', async () => {
  const { context, url, close } = await launch();
  // Another origin: the same host on another port, with a page that frames ours.
  const other = await start({
    root: path.join(here, 'fixtures'),
    csp: false,
    routes: {
      '/frames.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(
        `<!doctype html><title>Another site</title><iframe id="a" src="${url}embed/kent/gifts.html"></iframe><iframe id="b" src="${url}embed.html?policy=kent"></iframe>`),
    },
  });
  try {
    const page = await context.newPage();
    const refused = [];
    page.on('console', (m) => { if (/frame-ancestors/.test(m.text())) refused.push(m.text()); });
    await page.goto(`${other.url}frames.html`);
    await page.waitForTimeout(1500);
    const framed = page.frames().filter((f) => f !== page.mainFrame());
    assert.equal(framed.length, 2);
    for (const f of framed) {
      assert.ok(!f.url().startsWith(url), `not loaded: ${f.url()}`);
    }
    assert.equal(refused.length, 2, `the browser says why: ${refused}`);
  } finally {
    other.server.close();
    await close();
  }
});
