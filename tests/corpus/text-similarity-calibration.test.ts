/**
 * The calibration of Compare's "Wording only" measure (core/diff/text-similarity.ts) on real
 * answers: charmbracelet/fantasy recorded the same tests against many models, so the corpus holds
 * the same question answered many ways (greeting, weather through a tool, arithmetic through two
 * tools) beside answers to other questions. Answers to different questions must never reach the
 * threshold; most answers to the same question must.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../src/core/analyze';
import { loadCassetteText } from '../../src/core/cassette';
import { exchangeDiffFacts } from '../../src/core/diff/exchange-diff-facts';
import { SAME_MEANING_THRESHOLD, textSimilarity } from '../../src/core/diff/text-similarity';

const dir = new URL('../fixtures/corpus/go-vcr-v2/fantasy/', import.meta.url).pathname;

/** Which question a fantasy test asks, from its name (TestX__model__simple_streaming). */
function questionOf(fileName: string): string | null {
  const test =
    fileName
      .replace(/\.yaml$/, '')
      .split('__')
      .at(-1) ?? '';
  if (/^simple/.test(test)) return 'greeting';
  if (/^multi_tool/.test(test)) return 'arithmetic';
  if (/^(tool|thinking)/.test(test)) return 'weather';
  return null;
}

function finalAnswers(): { question: string; text: string }[] {
  const answers: { question: string; text: string }[] = [];
  for (const file of readdirSync(dir).sort()) {
    const question = questionOf(file);
    if (!question) continue;
    const analyzed = analyzeCassette(loadCassetteText(readFileSync(dir + file, 'utf8'), file));
    const texts = analyzed.exchanges.map((exchange) => exchangeDiffFacts(exchange).text.trim());
    const text = texts.filter(Boolean).at(-1);
    if (text) answers.push({ question, text });
  }
  return answers;
}

describe('text similarity calibration (fantasy corpus)', () => {
  const answers = finalAnswers();
  const same: number[] = [];
  const different: number[] = [];
  for (let i = 0; i < answers.length; i++)
    for (let j = i + 1; j < answers.length; j++) {
      const score = textSimilarity(answers[i]!.text, answers[j]!.text);
      (answers[i]!.question === answers[j]!.question ? same : different).push(score);
    }

  it('has enough pairs to mean something', () => {
    expect(answers.length).toBeGreaterThan(30);
    expect(different.length).toBeGreaterThan(300);
  });

  it('never calls answers to different questions the same', () => {
    expect(Math.max(...different)).toBeLessThan(SAME_MEANING_THRESHOLD);
  });

  it('calls most answers to the same question, by different models, the same', () => {
    const reached = same.filter((score) => score >= SAME_MEANING_THRESHOLD).length;
    expect(reached / same.length).toBeGreaterThan(0.6);
  });
});
