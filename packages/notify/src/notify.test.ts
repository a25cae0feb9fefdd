import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createEmailNotifier,
  createLocalOutboxNotifier,
  createMemoryNotifier,
  createNotifier,
  createSmsNotifier,
  outboxPath,
  readLocalOutbox,
  type Notification,
  type Recipient,
} from './index.js';

const ravi: Recipient = { staffId: '0b6f3f1e-3b8e-4a53-9d7a-8d4e0a1f2b3c', username: 'ravi', mobile: '+919812345678', email: 'ravi@example.in' };
const note = (recipient = ravi, body = 'Your temporary password is ABCDEFGH2345.'): Notification => ({
  recipient,
  kind: 'TEMPORARY_PASSWORD',
  subject: 'Your temporary password',
  body,
});

describe('the SMS and e-mail adapters (against a local HTTP provider)', () => {
  let server: Server;
  let url = '';
  const received: Array<{ authorization: string | undefined; body: Record<string, unknown> }> = [];
  let answer = 202;
  let delayMs = 0;

  beforeAll(async () => {
    server = createServer(async (request: IncomingMessage, response) => {
      let text = '';
      for await (const chunk of request) text += chunk;
      received.push({ authorization: request.headers.authorization, body: JSON.parse(text) as Record<string, unknown> });
      setTimeout(() => response.writeHead(answer).end(), delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    answer = 202;
    delayMs = 0;
  });

  it('POSTs JSON with the bearer token to the mobile (SMS) or the e-mail address, and says where it went', async () => {
    const token = 'sms-token-0123456789';
    await expect(createSmsNotifier({ url, token }).send(note())).resolves.toEqual({ channel: 'SMS', address: '+919812345678' });
    await expect(createEmailNotifier({ url, token: 'mail-token-0123456789' }).send(note())).resolves.toEqual({ channel: 'EMAIL', address: 'ravi@example.in' });
    expect(received).toEqual([
      {
        authorization: `Bearer ${token}`,
        body: { to: '+919812345678', kind: 'TEMPORARY_PASSWORD', subject: 'Your temporary password', body: note().body, staffId: ravi.staffId },
      },
      { authorization: 'Bearer mail-token-0123456789', body: expect.objectContaining({ to: 'ravi@example.in' }) },
    ]);
  });

  it('refuses CONTACT_REQUIRED for someone with no address on its channel, sending nothing', async () => {
    const sms = createSmsNotifier({ url, token: 'sms-token-0123456789' });
    expect(sms.addressOf({ ...ravi, mobile: null })).toBeUndefined();
    await expect(sms.send(note({ ...ravi, mobile: null }))).rejects.toMatchObject({ code: 'CONTACT_REQUIRED', field: 'mobile' });
    await expect(createEmailNotifier({ url, token: 'x'.repeat(16) }).send(note({ ...ravi, email: '' }))).rejects.toMatchObject({
      code: 'CONTACT_REQUIRED',
      field: 'email',
    });
    expect(received).toEqual([]);
  });

  it('is NOTIFICATION_FAILED when the provider refuses, times out or cannot be reached', async () => {
    answer = 503;
    await expect(createSmsNotifier({ url, token: 't'.repeat(16) }).send(note())).rejects.toMatchObject({ code: 'NOTIFICATION_FAILED' });
    answer = 202;
    delayMs = 500;
    await expect(createSmsNotifier({ url, token: 't'.repeat(16), timeoutMs: 50 }).send(note())).rejects.toMatchObject({ code: 'NOTIFICATION_FAILED' });
    await expect(createSmsNotifier({ url: 'http://127.0.0.1:1/send', token: 't'.repeat(16) }).send(note())).rejects.toMatchObject({ code: 'NOTIFICATION_FAILED' });
  });
});

describe('the local outbox', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'postal-notify-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('appends one JSON line per notification, addressed to the username, in a 0700 folder and a 0600 file', async () => {
    const notifier = createLocalOutboxNotifier({ dataDir, clock: () => new Date('2026-11-22T06:30:00.000Z') });
    await expect(notifier.send(note())).resolves.toEqual({ channel: 'LOCAL_OUTBOX', address: 'ravi' });
    await Promise.all([notifier.send(note({ ...ravi, username: 'meena', mobile: null, email: null }, 'second')), notifier.send(note(ravi, 'third'))]);
    expect((await stat(join(dataDir, 'notifications'))).mode & 0o777).toBe(0o700);
    expect((await stat(outboxPath(dataDir))).mode & 0o777).toBe(0o600);
    const lines = (await readFile(outboxPath(dataDir), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ to: 'ravi', staffId: ravi.staffId, kind: 'TEMPORARY_PASSWORD', sentAt: '2026-11-22T06:30:00.000Z', body: note().body });
  });

  it('reads back newest first, for one username or everyone', async () => {
    expect((await readLocalOutbox(dataDir, 'ravi')).map((line) => line.body)).toEqual(['third', note().body]);
    expect((await readLocalOutbox(dataDir, ' Meena ')).map((line) => line.body)).toEqual(['second']);
    expect(await readLocalOutbox(dataDir)).toHaveLength(3);
    expect(await readLocalOutbox(join(dataDir, 'nothing-here'))).toEqual([]);
  });
});

describe('the memory notifier and the factory', () => {
  it('keeps what it was sent, and finds the newest for a person', async () => {
    const memory = createMemoryNotifier();
    await memory.send(note(ravi, 'first'));
    await memory.send({ ...note(ravi, 'code 123456'), kind: 'OTP' });
    expect(memory.latest('ravi')?.body).toBe('code 123456');
    expect(memory.latest('ravi', 'TEMPORARY_PASSWORD')?.body).toBe('first');
    expect(memory.latest('nobody')).toBeUndefined();
  });

  it('builds the notifier the settings name', () => {
    expect(createNotifier({ kind: 'local', dataDir: '/tmp/x' }).channel).toBe('LOCAL_OUTBOX');
    expect(createNotifier({ kind: 'sms', url: 'https://sms.example/send', token: 't'.repeat(16) }).channel).toBe('SMS');
    expect(createNotifier({ kind: 'email', url: 'https://mail.example/send', token: 't'.repeat(16) }).channel).toBe('EMAIL');
    expect(createNotifier({ kind: 'memory' }).channel).toBe('MEMORY');
  });
});
