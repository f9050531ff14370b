/**
 * Mask-then-scan (issue 14): generated cassettes, in go-vcr, vcrpy, Ruby VCR or HAR form, carry
 * secrets taken from gitleaks' own rule examples (tests/fixtures/secrets/gitleaks-examples.json)
 * planted where the issue found leaks: a header under a harmless name, a query parameter, a JSON
 * body right after a `\n` escape, a YAML comment or an unread field, and split across two SSE
 * deltas. The share link made from each has no detector match left and none of the secrets.
 * fast-check: https://fast-check.dev/docs/core-blocks/arbitraries/
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../../src/core/cassette';
import { findSecrets } from '../../src/core/share/find-secrets';
import { prepareShare } from '../../src/core/share/prepare-share';
import { scanWithRules } from '../../src/core/share/secret-rules/rule-engine';
import { decodeSharePayload } from '../../src/core/share/share-codec';
import { propertyRuns } from '../support/property-runs';

const { examples } = JSON.parse(readFileSync('tests/fixtures/secrets/gitleaks-examples.json', 'utf8')) as {
  examples: Record<string, string[]>;
};

/** Each example with the secrets the detector names in it; examples it names none in are left out. */
const PLANTS = Object.values(examples)
  .flat()
  .map((text) => ({ text, secrets: [...new Set(scanWithRules(text).map((m) => m.secret))] }))
  .filter((p) => p.secrets.length > 0 && p.secrets.every((s) => s.length >= 8));

type Place = 'header' | 'query' | 'escaped-body' | 'comment' | 'unread-field' | 'split-stream';
type Format = 'go-vcr' | 'vcrpy' | 'ruby-vcr' | 'har';

interface Case {
  format: Format;
  plants: { text: string; secrets: string[]; place: Place; cut: number }[];
}

const q = (text: string) => JSON.stringify(text);
const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] })}\n\n`;

/** One cassette text with every plant in its place. */
function build({ format, plants }: Case): string {
  const at = (place: Place) => plants.filter((p) => p.place === place);
  const headers: [string, string][] = [['Content-Type', 'application/json']];
  at('header').forEach((p, i) => headers.push([`X-Trace-${i}`, p.text]));
  const query = at('query')
    .map((p, i) => `q${i}=${encodeURIComponent(p.text)}`)
    .join('&');
  const url = `https://api.example.com/v1/chat/completions${query ? `?${query}` : ''}`;
  const request = JSON.stringify({ model: 'm', notes: at('escaped-body').map((p) => `see\n${p.text}`) });
  const deltas = [
    'Here: ',
    // Each plant on a line of its own, as in a reply: glued to the next plant, a rule's closing
    // context ('"' then a space or the end) is gone for the detector and for gitleaks alike.
    ...at('split-stream').flatMap((p) => [p.text.slice(0, p.cut), p.text.slice(p.cut), '\n']),
    '.',
  ];
  const sse = deltas.map(chunk).join('') + 'data: [DONE]\n\n';
  const comments = [...at('comment'), ...at('unread-field')].map((p) => p.text);
  if (format === 'har') {
    const entry = {
      startedDateTime: '2024-01-01T00:00:00.000Z',
      time: 1,
      comment: comments.join(' '),
      request: {
        method: 'POST',
        url,
        httpVersion: 'HTTP/1.1',
        headers: headers.map(([name, value]) => ({ name, value })),
        queryString: [],
        cookies: [],
        postData: { mimeType: 'application/json', text: request },
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: 'text/event-stream' }],
        cookies: [],
        content: { size: sse.length, mimeType: 'text/event-stream', text: sse },
      },
      timings: { send: 0, wait: 1, receive: 0 },
    };
    return JSON.stringify(
      { log: { version: '1.2', creator: { name: 'fuzz', version: '1' }, entries: [entry] } },
      null,
      2,
    );
  }
  const yamlHeaders = (list: [string, string][]) =>
    list.map(([n, v]) => `      ${q(n)}:\n      - ${q(v)}`).join('\n');
  const comment = at('comment')
    .map((p) => `# ${p.text.replace(/\n/g, ' ')}`)
    .join('\n');
  const unread = at('unread-field')
    .map((p, i) => `    x_note_${i}: ${q(p.text)}`)
    .join('\n');
  const sseHeaders: [string, string][] = [['Content-Type', 'text/event-stream']];
  const lines =
    format === 'go-vcr'
      ? [
          '---',
          comment,
          'version: 2',
          'interactions:',
          '- id: 0',
          '  request:',
          `    body: ${q(request)}`,
          '    headers:',
          yamlHeaders(headers),
          `    url: ${q(url)}`,
          '    method: POST',
          unread,
          '  response:',
          `    body: ${q(sse)}`,
          '    headers:',
          yamlHeaders(sseHeaders),
          '    status: 200 OK',
          '    code: 200',
        ]
      : format === 'vcrpy'
        ? [
            comment,
            'interactions:',
            '- request:',
            `    body: ${q(request)}`,
            '    headers:',
            yamlHeaders(headers),
            '    method: POST',
            `    uri: ${q(url)}`,
            unread,
            '  response:',
            '    body:',
            `      string: ${q(sse)}`,
            '    headers:',
            yamlHeaders(sseHeaders),
            '    status:',
            '      code: 200',
            '      message: OK',
            'version: 1',
          ]
        : [
            '---',
            comment,
            'http_interactions:',
            '- request:',
            '    method: post',
            `    uri: ${q(url)}`,
            '    body:',
            '      encoding: UTF-8',
            `      string: ${q(request)}`,
            '    headers:',
            yamlHeaders(headers),
            unread,
            '  response:',
            '    status:',
            '      code: 200',
            '      message: OK',
            '    headers:',
            yamlHeaders(sseHeaders),
            '    body:',
            '      encoding: UTF-8',
            `      string: ${q(sse)}`,
            '  recorded_at: Mon, 01 Jan 2024 00:00:00 GMT',
            'recorded_with: VCR 6.2.0',
          ];
  return lines.filter((line) => line !== '').join('\n') + '\n';
}

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  format: fc.constantFrom<Format>('go-vcr', 'vcrpy', 'ruby-vcr', 'har'),
  plants: fc.array(
    fc
      .record({
        plant: fc.constantFrom(...PLANTS),
        place: fc.constantFrom<Place>(
          'header',
          'query',
          'escaped-body',
          'unread-field',
          'comment',
          'split-stream',
        ),
        cut: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      })
      .map(({ plant, place, cut }) => ({
        ...plant,
        place,
        cut: Math.max(1, Math.floor(plant.text.length * cut)),
      })),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('mask, then scan the masked output', () => {
  it('has planted examples from the ruleset', () => {
    expect(PLANTS.length).toBeGreaterThan(150);
  });

  it('leaves no detector match and none of the planted secrets in the link', () => {
    fc.assert(
      fc.property(caseArbitrary, (generated) => {
        const text = build(generated);
        const fileName = generated.format === 'har' ? 'fuzz.har' : 'fuzz.yaml';
        const result = prepareShare({
          fileName,
          bytes: new TextEncoder().encode(text),
          mask: true,
          indices: null,
        });
        if (!result.ok) throw new Error(result.message);
        expect(result.surviving, JSON.stringify(result.surviving)).toEqual([]);
        const shared = decodeSharePayload(result.payload ?? '');
        expect(findSecrets(loadCassetteText(shared.text, fileName), shared.text)).toEqual([]);
        for (const { secrets } of generated.plants) {
          for (const secret of secrets) {
            for (const spelling of [
              secret,
              JSON.stringify(secret).slice(1, -1),
              encodeURIComponent(secret),
            ]) {
              expect(shared.text.includes(spelling), spelling).toBe(false);
            }
          }
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
