import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask', () => {
  it('runs each callback later, in order, each in a task of its own', async () => {
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      nextTask(() => {
        seen.push('first');
        // A microtask queued by one task runs before the next task.
        void Promise.resolve().then(() => seen.push('first, microtask'));
      });
      nextTask(() => {
        seen.push('second');
        nextTask(() => {
          seen.push('third, queued by the second');
          resolve();
        });
      });
      seen.push('now');
    });
    expect(seen).toEqual(['now', 'first', 'first, microtask', 'second', 'third, queued by the second']);
  });
});
