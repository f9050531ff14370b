import { describe, expect, it } from 'vitest';
import { partialStatusText } from './loading-panel';

describe('partialStatusText', () => {
  it('names the rows so far against the split count', () => {
    expect(
      partialStatusText(1200, {
        bytesDone: 1,
        bytesTotal: 2,
        interactionsDone: 1200,
        interactionsTotal: 4000,
      }),
    ).toBe('Loading interactions… 1,200 of ~4,000');
  });

  it('never contains the finished status of the same count', () => {
    const done = { bytesDone: 2, bytesTotal: 2, interactionsDone: 4000, interactionsTotal: 4000 };
    expect(partialStatusText(4000, done)).not.toContain('4,000 interactions');
    expect(partialStatusText(4000)).not.toContain('4,000 interactions');
  });

  it('leaves the total out when the loader does not know it (or it is below the count)', () => {
    expect(partialStatusText(300)).toBe('Loading interactions… 300 so far');
    expect(
      partialStatusText(300, { bytesDone: 1, bytesTotal: 2, interactionsDone: 300, interactionsTotal: null }),
    ).toBe('Loading interactions… 300 so far');
    expect(
      partialStatusText(300, { bytesDone: 1, bytesTotal: 2, interactionsDone: 300, interactionsTotal: 200 }),
    ).toBe('Loading interactions… 300 so far');
  });
});
