/**
 * The corpus test (issues 2, 3 and 4): every cassette under tests/fixtures/corpus goes through the
 * real pipeline and its `inspect --json` report is compared with facts.json field by field, with
 * the reviewed corrections of facts-corrections.ts applied. Each file reports every mismatching
 * field at once, and a summary grouped by format and API family goes to the team status file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedCassette } from '../../src/core/model/analysis';
import { compareWithFacts, describeMismatch, indexCorrections } from '../support/compare-facts';
import { listCorpusFiles, loadFacts, readCorpusBytes } from '../support/corpus-fixtures';
import { PENDING_CORPUS_FILES, isPendingCorpusFile } from '../support/corpus-pending';
import { writeStatus, type FileStatus } from '../support/corpus-status';
import { loadPipeline, type PipelineOutcome } from '../support/run-pipeline';
import { FACT_CORRECTIONS } from './facts-corrections';

const files = listCorpusFiles();
const facts = loadFacts();
const corrections = indexCorrections(FACT_CORRECTIONS);

interface FileResult {
  named: PipelineOutcome;
  unnamed: PipelineOutcome;
  status: FileStatus;
}
const results = new Map<string, FileResult>();
let pipelineProblem: string | null = null;

/** Tool results in the thread that no link connects to a call (issue 2: "matched by tool_call_id"). */
function unlinkedToolResults(analyzed: AnalyzedCassette): string[] {
  const { items, links } = analyzed.thread;
  const linked = new Set(
    links.flatMap((link) => (link.result ? [`${link.result.item}:${link.result.part}`] : [])),
  );
  const problems: string[] = [];
  items.forEach((item, itemIndex) => {
    if (item.kind !== 'message') return;
    item.message.parts.forEach((part, partIndex) => {
      if (part.kind === 'tool-result' && !linked.has(`${itemIndex}:${partIndex}`)) {
        problems.push(
          `tool result for ${part.callId ?? part.name ?? '?'} (thread item ${itemIndex}, part ${partIndex}, interaction ${item.exchangeIndex}) has no link to a call`,
        );
      }
    });
  });
  return problems;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

beforeAll(async () => {
  let pipeline;
  try {
    pipeline = await loadPipeline();
  } catch (error) {
    pipelineProblem = `the pipeline cannot be imported yet: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  for (const file of files) {
    const bytes = readCorpusBytes(file);
    const named = pipeline.run(bytes, file);
    const unnamed = pipeline.run(bytes, 'unknown');
    const fact = facts.get(file);
    const status: FileStatus = {
      file,
      format: fact?.format ?? '?',
      outcome: named.kind,
      mismatches: [],
      notes: [],
      ms: named.ms,
    };
    if (named.kind === 'report') {
      if (fact) status.mismatches = compareWithFacts(file, named.report, fact, corrections);
      status.notes.push(...unlinkedToolResults(named.analyzed));
      if (unnamed.kind !== 'report') {
        status.notes.push(`loaded as "unknown": ${unnamed.kind}: ${firstLine(unnamed.message)}`);
      } else if (
        JSON.stringify({ ...unnamed.report, file: '' }) !== JSON.stringify({ ...named.report, file: '' })
      ) {
        status.notes.push(
          'loaded as "unknown" gives a different report (detection depends on the file name)',
        );
      }
    } else {
      status.problem = firstLine(named.message);
    }
    results.set(file, { named, unnamed, status });
  }
}, 300_000);

afterAll(() => {
  const statuses: FileStatus[] = files.map(
    (file) =>
      results.get(file)?.status ?? {
        file,
        format: facts.get(file)?.format ?? '?',
        outcome: 'not-run',
        problem: pipelineProblem ?? undefined,
        mismatches: [],
        notes: [],
      },
  );
  writeStatus(statuses, `Corpus status${pipelineProblem ? ` — ${pipelineProblem}` : ''}`);
});

function resultFor(file: string): FileResult {
  if (pipelineProblem) throw new Error(pipelineProblem);
  const result = results.get(file);
  if (!result) throw new Error(`no result for ${file}`);
  return result;
}

function reportOrFail(file: string) {
  const { named } = resultFor(file);
  if (named.kind !== 'report')
    throw new Error(`${file} did not load: ${named.kind}: ${firstLine(named.message)}`);
  return named.report;
}

it('has all 170 corpus cassettes, each described by facts.json', () => {
  expect(files).toHaveLength(170);
  expect([...facts.keys()].sort()).toEqual(files);
});

it('names only real corpus files in the expected-failure list (tests/support/corpus-pending.ts)', () => {
  expect([...PENDING_CORPUS_FILES.keys()].filter((file) => !files.includes(file))).toEqual([]);
});

// Files on the expected-failure list are skipped here until their format is read (the goal: none).
describe.each(files.filter((file) => !isPendingCorpusFile(file)))('%s', (file) => {
  it('loads without an exception (issue 3, issue 8)', () => {
    const { named, unnamed } = resultFor(file);
    // Every corpus file is a valid cassette: not even the one allowed CassetteLoadError.
    expect(named.kind === 'report' ? 'report' : `${named.kind}: ${named.message}`).toBe('report');
    expect(unnamed.kind === 'report' ? 'report' : `${unnamed.kind}: ${unnamed.message}`).toBe('report');
  });

  it('matches facts.json on format, count and the HTTP of each interaction (issue 3)', () => {
    reportOrFail(file);
    const wrong = resultFor(file)
      .status.mismatches.filter((m) => m.group === 'http')
      .map(describeMismatch);
    expect(wrong, `${file}\n  ${wrong.join('\n  ')}`).toEqual([]);
  });

  it('detects the same cassette without its file name (issue 3)', () => {
    const { named, unnamed } = resultFor(file);
    if (named.kind !== 'report' || unnamed.kind !== 'report')
      throw new Error('did not load; see the first test');
    expect({ ...unnamed.report, file: file.split('/').pop() }).toEqual(named.report);
  });

  it('matches facts.json on the LLM reading of each interaction (issue 4)', () => {
    reportOrFail(file);
    const wrong = resultFor(file)
      .status.mismatches.filter((m) => m.group === 'llm')
      .map(describeMismatch);
    expect(wrong, `${file}\n  ${wrong.join('\n  ')}`).toEqual([]);
  });

  it('links every tool result in the thread to the call it answers (issue 2)', () => {
    const { named } = resultFor(file);
    if (named.kind !== 'report') throw new Error('did not load; see the first test');
    expect(unlinkedToolResults(named.analyzed)).toEqual([]);
  });
});
