import { describe, expect, it } from 'vitest';
import { describeEmbeddings } from './describe-embeddings';

describe('describeEmbeddings', () => {
  it('says how many vectors and how long, never the numbers', () => {
    expect(describeEmbeddings({ count: 2, dimensions: [1536, 1536] })).toBe('2 vectors × 1,536 dimensions');
    expect(describeEmbeddings({ count: 2, dimensions: [256, 1024] })).toBe(
      '2 vectors of 256–1,024 dimensions',
    );
    expect(describeEmbeddings({ count: 1, dimensions: [3] })).toBe('1 vector × 3 dimensions');
  });
});
