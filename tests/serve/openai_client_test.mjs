// lectern-cli serve driven by the official `openai` npm client (pinned in package.json): what
// an OpenAI application sees. Starts its own servers on loopback (--port 0) and stops them at
// the end, on failure too. Every wait is bounded; only 127.0.0.1 is contacted.
//
//   LECTERN_CLI=build/app/lectern-cli LECTERN_MODEL=tests/data/gguf/llama31-tiny-Q4_0.gguf \
//     node --test tests/serve/openai_client_test.mjs
// (or `node tests/serve/openai_client_test.mjs CLI MODEL`). The fixture model has random
// weights: its text is gibberish, but the same seed gives the same text.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const kCli = process.env.LECTERN_CLI || process.argv[2];
const kModel = process.env.LECTERN_MODEL || process.argv[3];
const kStartMs = 60_000;    // the listening line, then /health 200
const kRequestMs = 30_000;  // any one request
const kStopMs = 10_000;     // SIGTERM, then SIGKILL (an idle keep-alive connection holds it up to 5 s)
const kTestMs = 60_000;

if (!kCli || !kModel) {
  throw new Error('set LECTERN_CLI (the lectern-cli binary) and LECTERN_MODEL (a GGUF file)');
}

const running = new Set();
// A last resort when the runner is ending without the after() hooks (an uncaught error).
process.on('exit', () => {
  for (const s of running) s.child.kill('SIGKILL');
});

function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Starts `lectern-cli serve` with `args` and waits until /health answers 200. `apiKey` goes
// through $LECTERN_API_KEY (the server never takes a key on its command line).
async function startServer(args, { apiKey } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-serve-'));
  const env = { ...process.env, LECTERN_DATA_DIR: dataDir };
  delete env.LECTERN_API_KEY;
  if (apiKey) env.LECTERN_API_KEY = apiKey;
  const child = spawn(kCli, ['serve', '--model', kModel, '--port', '0', '--threads', '1', '--quiet', ...args],
                      { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const server = { child, dataDir, stderr: '', port: 0, exited: null };
  running.add(server);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(server.exited = { code, signal }));
    child.on('error', (e) => resolve(server.exited = { error: String(e) }));  // could not start it
  });
  server.stop = async () => {
    if (!server.exited) {
      child.kill('SIGTERM');
      const gone = await Promise.race([exited, sleep(kStopMs).then(() => null)]);
      if (!gone) {
        child.kill('SIGKILL');
        await Promise.race([exited, sleep(kStopMs)]);
      }
    }
    running.delete(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const listening = new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      server.stderr += text;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\/v1/.exec(server.stderr);
      if (m) resolve(Number(m[1]));
    });
    exited.then((e) => reject(new Error(`lectern-cli serve exited (${JSON.stringify(e)}): ${server.stderr}`)));
  });
  try {
    const started = Date.now();
    server.port = await withDeadline(listening, kStartMs, 'lectern-cli serve: the listening line');
    await waitHealthy(server, started + kStartMs);
  } catch (e) {
    await server.stop();
    throw e;
  }
  server.baseURL = `http://127.0.0.1:${server.port}/v1`;
  server.client = (key = 'sk-no-key-needed') =>
    new OpenAI({ apiKey: key, baseURL: server.baseURL, maxRetries: 0, timeout: kRequestMs });
  return server;
}

// /health answers 503 while the model loads, then 200.
async function waitHealthy(server, deadline) {
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`lectern-cli serve exited while loading: ${server.stderr}`);
    try {
      const r = await fetch(`http://127.0.0.1:${server.port}/health`, { signal: AbortSignal.timeout(2_000) });
      if (r.status === 200) return;
      last = `HTTP ${r.status}: ${await r.text()}`;
    } catch (e) {
      last = String(e);
    }
    await sleep(100);
  }
  throw new Error(`/health is not 200 after ${kStartMs} ms (last: ${last}); stderr: ${server.stderr}`);
}

async function modelId(client) {
  const models = await client.models.list();
  assert.ok(models.data.length > 0, 'GET /v1/models lists no model');
  return models.data[0].id;
}

// Words of English prose, `n` of them, for prompts of a chosen length.
function prose(n, seed = 0) {
  const words = ('the archive holds letters written between the two wars by a printer in leipzig to his ' +
                 'sister in lyon about paper ink type and the price of bread in a hard winter').split(' ');
  return Array.from({ length: n }, (_, i) => words[(i * 7 + seed) % words.length]).join(' ');
}

function assertConsistentUsage(usage, what) {
  assert.ok(usage, `${what}: no usage`);
  assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens, `${what}: ${JSON.stringify(usage)}`);
  assert.ok(usage.prompt_tokens > 0, `${what}: ${JSON.stringify(usage)}`);
  assert.ok(usage.completion_tokens > 0, `${what}: ${JSON.stringify(usage)}`);
}

const sameCounts = (u) => ({ prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens,
                             total_tokens: u.total_tokens });

function isContextLengthExceeded(e) {
  assert.ok(e instanceof OpenAI.BadRequestError, `expected a BadRequestError, got ${e?.constructor?.name}: ${e}`);
  assert.equal(e.status, 400);
  assert.equal(e.code ?? e.error?.code, 'context_length_exceeded', JSON.stringify(e.error));
  return true;
}

after(async () => {
  await Promise.all([...running].map((s) => s.stop()));
});

describe('lectern-cli serve --ctx 1024', { timeout: 4 * kTestMs }, () => {
  let server, client, model;
  before(async () => {
    server = await startServer(['--ctx', '1024']);
    client = server.client();
    model = await modelId(client);
  });
  after(async () => server?.stop());

  const chat = (content, extra = {}) => ({
    model, messages: [{ role: 'user', content }], max_tokens: 24, seed: 42, temperature: 0.8, ...extra,
  });

  test('a chat completion has consistent usage', { timeout: kTestMs }, async () => {
    const r = await client.chat.completions.create(chat('Say something about printers.'));
    assert.equal(r.object, 'chat.completion');
    assert.equal(r.model, model);
    assert.equal(r.choices.length, 1);
    assert.equal(r.choices[0].message.role, 'assistant');
    assert.equal(typeof r.choices[0].message.content, 'string');
    assert.ok(['stop', 'length'].includes(r.choices[0].finish_reason), r.choices[0].finish_reason);
    assertConsistentUsage(r.usage, 'non-streamed');
  });

  test('a streamed chat gives the same text as a non-streamed one with the same seed', { timeout: kTestMs },
       async () => {
    const request = chat('Tell me about ink.', { seed: 7 });
    const plain = await client.chat.completions.create(request);
    const streamed = await withDeadline(
      client.chat.completions.stream({ ...request, stream_options: { include_usage: true } }).finalChatCompletion(),
      kRequestMs, 'streamed chat');
    assert.equal(streamed.choices[0].message.role, 'assistant');
    assert.equal(streamed.choices[0].message.content, plain.choices[0].message.content);
    assert.equal(streamed.choices[0].finish_reason, plain.choices[0].finish_reason);
    assertConsistentUsage(streamed.usage, 'streamed');
    assert.deepEqual(sameCounts(streamed.usage), sameCounts(plain.usage));
  });

  test('max_tokens 5 stops with finish_reason length, streamed or not', { timeout: kTestMs }, async () => {
    // ignore_eos: the random model may end its turn early; the count must be exactly 5.
    const request = chat('Count the letters.', { max_tokens: 5, ignore_eos: true });
    const plain = await client.chat.completions.create(request);
    assert.equal(plain.choices[0].finish_reason, 'length');
    assert.equal(plain.usage.completion_tokens, 5);
    assertConsistentUsage(plain.usage, 'non-streamed');

    const stream = await client.chat.completions.create({
      ...request, stream: true, stream_options: { include_usage: true },
    });
    let finish = null, usage = null, text = '';
    await withDeadline((async () => {
      for await (const chunk of stream) {
        if (chunk.usage) usage = chunk.usage;
        for (const c of chunk.choices) {
          text += c.delta?.content ?? '';
          if (c.finish_reason) finish = c.finish_reason;
        }
      }
    })(), kRequestMs, 'stream with include_usage');
    assert.equal(finish, 'length');
    assert.ok(usage, 'stream_options.include_usage gave no usage chunk');
    assert.deepEqual(sameCounts(usage), sameCounts(plain.usage));
    assert.equal(text, plain.choices[0].message.content);
  });

  test('a prompt longer than the context is a BadRequestError context_length_exceeded', { timeout: kTestMs },
       async () => {
    const request = chat(prose(3000));  // about 8,000 tokens against 1,024
    await assert.rejects(client.chat.completions.create(request), isContextLengthExceeded);
    // create() itself rejects: the error is an HTTP 400, not an event inside a started stream.
    await assert.rejects(client.chat.completions.create({ ...request, stream: true }), isContextLengthExceeded);
    await assert.rejects(client.chat.completions.stream(request).finalChatCompletion(), isContextLengthExceeded);
  });

  test('a request that repeats a long start is served from the prefix cache', { timeout: kTestMs }, async (t) => {
    // 200 words are about 560 tokens: the shared system message is most of the prompt.
    const system = { role: 'system', content: `You answer from this archive: ${prose(200, 3)}.` };
    const ask = (question) => client.chat.completions.create({
      model, messages: [system, { role: 'user', content: question }], max_tokens: 4, seed: 1,
    });
    const first = await ask('When did they write first?');
    const second = await ask('And how often?');
    const prompt = second.usage.prompt_tokens;
    const cached = second.usage.prompt_tokens_details?.cached_tokens;
    t.diagnostic(`second request: ${cached} of ${prompt} prompt tokens cached`);
    assert.ok(prompt > 400 && prompt < 1024, `prompt_tokens ${prompt}`);
    assert.ok(first.usage.prompt_tokens_details.cached_tokens < 0.5 * first.usage.prompt_tokens,
              `the first request reports ${JSON.stringify(first.usage)}`);
    assert.ok(cached > 0.8 * prompt, `the second request reports ${JSON.stringify(second.usage)}`);
    assert.ok(cached < prompt, `the question itself cannot be cached: ${JSON.stringify(second.usage)}`);
  });
});

// The fixture model stands in as the guard (Llama Guard 3): its verdicts are random and
// mostly malformed, but the shape is what the openai client reads, and whatever is not a
// clean "safe" is flagged.
describe('lectern-cli serve --guard: /v1/moderations', { timeout: 2 * kTestMs }, () => {
  let server, client;
  before(async () => {
    server = await startServer(['--ctx', '1024', '--guard', kModel]);
    client = server.client();
  });
  after(async () => server?.stop());

  test('each input has a result in OpenAI\'s shape, with the Llama Guard verdict', { timeout: kTestMs }, async () => {
    const r = await client.moderations.create({ input: ['How do I pick a lock?', 'What is the capital of France?'] });
    assert.match(r.id, /^modr-/);
    assert.equal(r.model, path.basename(kModel, '.gguf'));
    assert.equal(r.results.length, 2);
    for (const result of r.results) {
      assert.equal(typeof result.flagged, 'boolean');
      assert.equal(Object.keys(result.categories).length, 13);
      assert.equal(typeof result.categories.violence, 'boolean');
      assert.equal(typeof result.category_scores['self-harm'], 'number');
      assert.ok(['safe', 'unsafe', 'malformed'].includes(result.llama_guard.verdict), result.llama_guard.verdict);
      assert.equal(result.flagged, result.llama_guard.verdict !== 'safe');  // malformed is never passed as safe
      if (result.llama_guard.verdict === 'malformed') assert.ok(result.llama_guard.problem.length > 0);
    }
    const one = await client.moderations.create({ input: 'A single string.' });
    assert.equal(one.results.length, 1);
  });

  test('an empty input is a BadRequestError', { timeout: kTestMs }, async () => {
    await assert.rejects(client.moderations.create({ input: [] }), (e) => e instanceof OpenAI.BadRequestError);
    await assert.rejects(client.moderations.create({ input: '  ' }), (e) => e instanceof OpenAI.BadRequestError);
  });
});

describe('lectern-cli serve without --guard', { timeout: 2 * kTestMs }, () => {
  let server;
  before(async () => { server = await startServer(['--ctx', '1024']); });
  after(async () => server?.stop());
  test('/v1/moderations is a NotFoundError that says to start it with --guard', { timeout: kTestMs }, async () => {
    await assert.rejects(server.client().moderations.create({ input: 'Hello' }),
                         (e) => e instanceof OpenAI.NotFoundError && /--guard/.test(e.message));
  });
});

describe('lectern-cli serve --ctx 8192: an abandoned stream', { timeout: 2 * kTestMs }, () => {
  let server, client, model;
  before(async () => {
    server = await startServer(['--ctx', '8192']);
    client = server.client();
    model = await modelId(client);
  });
  after(async () => server?.stop());

  test('aborting a stream after 3 chunks frees the server at once', { timeout: kTestMs }, async (t) => {
    // 8,000 tokens take the tiny model several seconds (it runs one generation at a time): a
    // generation left running would hold the next request's first token well past a second.
    const stream = await client.chat.completions.create({
      model, messages: [{ role: 'user', content: 'Tell a long story.' }], max_tokens: 8000, ignore_eos: true,
      seed: 3, stream: true,
    });
    let chunks = 0;
    await withDeadline((async () => {
      for await (const chunk of stream) {
        assert.equal(chunk.object, 'chat.completion.chunk');
        if (++chunks === 3) {
          stream.controller.abort();
          break;
        }
      }
    })(), kRequestMs, 'the first 3 chunks');
    assert.equal(chunks, 3);

    const t0 = performance.now();
    const next = await client.chat.completions.create({
      model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 4, stream: true,
    });
    let firstTokenMs = null, finish = null;
    await withDeadline((async () => {
      for await (const chunk of next) {
        for (const c of chunk.choices) {
          // The role chunk may come before the model ran; the next one carries a token.
          const preamble = c.delta?.role === 'assistant' && !c.delta?.content;
          if (!preamble && firstTokenMs === null) firstTokenMs = performance.now() - t0;
          if (c.finish_reason) finish = c.finish_reason;
        }
      }
    })(), kRequestMs, 'the request after the abort');
    t.diagnostic(`first token after the abort in ${firstTokenMs?.toFixed(0)} ms`);
    assert.ok(finish, 'the request after the abort did not finish');
    assert.ok(firstTokenMs !== null && firstTokenMs < 1000,
              `first token after the abort in ${firstTokenMs?.toFixed(0)} ms: the abandoned generation held the engine`);
  });
});

describe('lectern-cli serve with LECTERN_API_KEY', { timeout: 2 * kTestMs }, () => {
  const key = 'sk-lectern-test-5b1e0c';
  let server;
  before(async () => {
    server = await startServer(['--ctx', '1024'], { apiKey: key });
  });
  after(async () => server?.stop());

  test('a wrong key is an AuthenticationError (401), the right one is let in', { timeout: kTestMs }, async () => {
    const wrong = server.client('sk-wrong');
    const isAuthError = (e) => {
      assert.ok(e instanceof OpenAI.AuthenticationError, `expected an AuthenticationError, got ${e?.constructor?.name}: ${e}`);
      assert.equal(e.status, 401);
      return true;
    };
    await assert.rejects(wrong.models.list(), isAuthError);
    await assert.rejects(wrong.chat.completions.create({
      model: 'any', messages: [{ role: 'user', content: 'hi' }], max_tokens: 2,
    }), isAuthError);

    const right = server.client(key);
    const model = await modelId(right);
    const r = await right.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 2 });
    assertConsistentUsage(r.usage, 'with the right key');
  });
});
