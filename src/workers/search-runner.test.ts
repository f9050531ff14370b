import { describe, expect, it } from 'vitest';
import { SearchRunner } from './search-runner';

const texts = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, offset) => [
    `call ${from + offset}`,
    (from + offset) % 2 ? 'odd' : 'even',
  ]);

describe('SearchRunner', () => {
  it('builds nothing until the first search, then builds once in slices', async () => {
    const asked: Array<[number, number]> = [];
    const runner = new SearchRunner(450, (from, to) => {
      asked.push([from, to]);
      return Promise.resolve(texts(from, to));
    });
    expect(asked).toEqual([]);
    const [odd, one] = await Promise.all([runner.search('odd'), runner.search('"call 449"')]);
    expect(odd).toHaveLength(225);
    expect(one).toEqual([449]);
    expect(asked).toEqual([
      [0, 200],
      [200, 400],
      [400, 450],
    ]);
    await runner.search('even');
    expect(asked).toHaveLength(3);
  });

  it('lets other work run between slices', async () => {
    const order: string[] = [];
    const runner = new SearchRunner(
      400,
      (from, to) => {
        order.push(`slice ${from}`);
        return Promise.resolve(texts(from, to));
      },
      (step) =>
        setTimeout(() => {
          order.push('turn');
          step();
        }, 0),
    );
    await runner.search('call');
    expect(order).toEqual(['slice 0', 'turn', 'slice 200']);
  });

  it('tries again after a failed build', async () => {
    let fail = true;
    const runner = new SearchRunner(3, (from, to) =>
      fail ? Promise.reject(new Error('worker gone')) : Promise.resolve(texts(from, to)),
    );
    await expect(runner.search('call')).rejects.toThrow('worker gone');
    fail = false;
    await expect(runner.search('call')).resolves.toEqual([0, 1, 2]);
  });
});
