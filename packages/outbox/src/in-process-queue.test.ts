import { DeliveryFailedError, InProcessEventQueue, NoConsumerError, QueueClosedError, createEventQueue } from '@postal/outbox';
import { afterEach, describe, expect, it } from 'vitest';
import { officeCreated, testLogger } from './test-support/fixtures.js';

const QUEUE = 'accounts.office-events';
const opened: InProcessEventQueue[] = [];
function newQueue(options: { attempts?: number; backoffMs?: number } = {}): InProcessEventQueue {
  const queue = new InProcessEventQueue({ logger: testLogger, attempts: 3, backoffMs: 1, ...options });
  opened.push(queue);
  return queue;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InProcessEventQueue', () => {
  it('resolves publish only after the handler has finished', async () => {
    const queue = newQueue();
    let handled = false;
    await queue.consume(QUEUE, async () => {
      await pause(40);
      handled = true;
    });
    let settled = false;
    const publishing = queue.publish(QUEUE, officeCreated('Q-1')).then(() => (settled = true));
    await pause(15);
    expect(settled).toBe(false);
    await publishing;
    expect(handled).toBe(true);
  });

  it('retries a failing handler with growing waits and resolves once it succeeds', async () => {
    const queue = newQueue({ attempts: 3, backoffMs: 20 });
    const calls: number[] = [];
    await queue.consume(QUEUE, async () => {
      calls.push(Date.now());
      if (calls.length < 3) throw new Error(`transient ${calls.length}`);
    });
    await queue.publish(QUEUE, officeCreated('Q-2'));
    expect(calls).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = calls;
    // 20 ms before the second try, 40 ms before the third (timers may fire a millisecond early).
    expect(second - first).toBeGreaterThanOrEqual(18);
    expect(third - second).toBeGreaterThanOrEqual(38);
  });

  it('gives up after the configured tries and rejects with the last error', async () => {
    const queue = newQueue({ attempts: 4 });
    let calls = 0;
    await queue.consume(QUEUE, async () => {
      calls += 1;
      throw new Error('always broken');
    });
    const event = officeCreated('Q-3');
    const failure = await queue.publish(QUEUE, event).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryFailedError);
    expect(failure).toMatchObject({ queue: QUEUE, eventId: event.id, attempts: 4 });
    expect((failure as Error).cause).toEqual(new Error('always broken'));
    expect(calls).toBe(4);
  });

  it('rejects an event for a queue with no handler and does not hold it for a later one', async () => {
    const queue = newQueue();
    await expect(queue.publish(QUEUE, officeCreated('Q-4'))).rejects.toBeInstanceOf(NoConsumerError);
    const seen: string[] = [];
    await queue.consume(QUEUE, async (event) => void seen.push(event.id));
    await pause(10);
    expect(seen).toEqual([]);
  });

  it('hands the handler a copy, as Redis would', async () => {
    const queue = newQueue();
    await queue.consume(QUEUE, async (event) => {
      (event.payload as { name: string }).name = 'changed by the handler';
    });
    const event = officeCreated('Q-5');
    await queue.publish(QUEUE, event);
    expect(event.payload.name).toBe('Office Q-5');
  });

  it('runs at most `concurrency` handlers of a queue at once', async () => {
    const queue = newQueue();
    let running = 0;
    let most = 0;
    await queue.consume(
      QUEUE,
      async () => {
        running += 1;
        most = Math.max(most, running);
        await pause(15);
        running -= 1;
      },
      { concurrency: 2 },
    );
    await Promise.all(Array.from({ length: 6 }, (_, i) => queue.publish(QUEUE, officeCreated(`Q-C${i}`))));
    expect(most).toBe(2);
  });

  it('refuses a second handler for the same queue and a concurrency out of bounds', async () => {
    const queue = newQueue();
    await queue.consume(QUEUE, async () => {});
    await expect(queue.consume(QUEUE, async () => {})).rejects.toThrow('already has a handler');
    await expect(queue.consume('other', async () => {}, { concurrency: 0 })).rejects.toThrow(RangeError);
    await expect(queue.consume('other', async () => {}, { concurrency: 65 })).rejects.toThrow(RangeError);
  });

  it('on close waits for running handlers, abandons retries, and refuses new events', async () => {
    const queue = newQueue({ attempts: 5, backoffMs: 10_000 });
    let finished = false;
    await queue.consume('slow', async () => {
      await pause(30);
      finished = true;
    });
    await queue.consume('failing', async () => {
      throw new Error('broken');
    });
    const slow = queue.publish('slow', officeCreated('Q-6'));
    const retrying = queue.publish('failing', officeCreated('Q-7')).catch((error: unknown) => error);
    await pause(5);
    const started = Date.now();
    await queue.close();
    expect(finished).toBe(true);
    await slow;
    // The retry would have waited 10 s; close ends it at once, as a failure the relay will retry later.
    expect(await retrying).toBeInstanceOf(DeliveryFailedError);
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(queue.publish('slow', officeCreated('Q-8'))).rejects.toBeInstanceOf(QueueClosedError);
  });
});

describe('createEventQueue', () => {
  it('answers the in-process queue without a Redis URL and Bull with one (which connects only when used)', async () => {
    const inProcess = createEventQueue({ logger: testLogger });
    const bull = createEventQueue({ logger: testLogger, redisUrl: 'redis://127.0.0.1:1', prefix: 'unused' });
    expect(inProcess.kind).toBe('in-process');
    expect(bull.kind).toBe('bull');
    await Promise.all([inProcess.close(), bull.close()]);
  });
});
