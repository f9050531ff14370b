import { describe, expect, it } from 'vitest';
import type { FolderFile, FolderRowFacts } from '../../core/folder/folder-row';
import { filterFolderRows, toFolderRows } from './folder-rows';

function facts(overrides: Partial<FolderRowFacts>): FolderRowFacts {
  return {
    format: 'go-vcr-v2',
    formatVariant: 'version 2',
    interactions: 1,
    apis: ['OpenAI Chat Completions'],
    models: ['gpt-4o'],
    tokens: 10,
    costUsd: null,
    recordedAt: null,
    verdict: 'clean',
    errors: 0,
    warnings: 0,
    failedCalls: 0,
    ...overrides,
  };
}

const files: FolderFile[] = [
  { path: 'a/openai.yaml', size: 1, status: 'loaded', facts: facts({}) },
  {
    path: 'a/claude.json',
    size: 1,
    status: 'loaded',
    facts: facts({
      format: 'vcrpy',
      apis: ['Anthropic Messages'],
      models: ['claude-3'],
      verdict: 'errors',
      errors: 2,
      recordedAt: '2025-01-02T03:04:05Z',
    }),
  },
  {
    path: 'b/gemini.yaml',
    size: 1,
    status: 'loaded',
    facts: facts({ apis: ['Gemini'], models: ['gemini-2.0'], verdict: 'warnings', warnings: 1 }),
  },
  {
    path: 'b/broken.yaml',
    size: 1,
    status: 'failed',
    failure: { fileName: 'b/broken.yaml', message: 'bad', attempts: [] },
  },
  { path: 'b/later.yaml', size: 1, status: 'pending' },
];

describe('toFolderRows', () => {
  it('lists the files read, with the values the columns sort on', () => {
    const rows = toFolderRows(files);
    expect(rows.map((row) => row.path)).toEqual(['a/openai.yaml', 'a/claude.json', 'b/gemini.yaml']);
    expect(rows[1]).toMatchObject({
      verdictRank: 2,
      recordedTime: Date.UTC(2025, 0, 2, 3, 4, 5),
      apis: 'Anthropic Messages',
    });
    expect(rows[0]!.recordedTime).toBeNull();
  });
});

describe('filterFolderRows', () => {
  const rows = toFolderRows(files);
  it('keeps rows holding every word, in any column it searches', () => {
    expect(filterFolderRows(rows, 'CLAUDE vcrpy', 'all').map((row) => row.path)).toEqual(['a/claude.json']);
    expect(filterFolderRows(rows, 'b/', 'all').map((row) => row.path)).toEqual(['b/gemini.yaml']);
    expect(filterFolderRows(rows, '', 'all')).toHaveLength(3);
  });
  it('filters by the doctor verdict', () => {
    expect(filterFolderRows(rows, '', 'problems').map((row) => row.path)).toEqual([
      'a/claude.json',
      'b/gemini.yaml',
    ]);
    expect(filterFolderRows(rows, '', 'errors').map((row) => row.path)).toEqual(['a/claude.json']);
    expect(filterFolderRows(rows, '', 'clean').map((row) => row.path)).toEqual(['a/openai.yaml']);
  });
});
