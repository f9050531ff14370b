/**
 * The two outputs of `match`: lines for people (every text from the files passes through
 * `oneLine`, which escapes control and bidi characters) and a snake_case JSON object like
 * `inspect --json`. People read "interaction 2" as the second one, as in the page's table; the
 * JSON's `*_index` fields count from 0, like `inspect --json`'s `index`.
 */
import type { DefaultProfile, IncomingRequests, MatcherResult, MatchReport, NearMiss } from '../core/match';
import { profileById } from '../core/match';
import type { Cassette } from '../core/model/http';
import { oneLine } from './cli-io';

export interface MatchContext {
  recorded: Cassette;
  recordedName: string;
  incoming: IncomingRequests;
  incomingName: string;
  suggested: DefaultProfile;
  /** The profile was named with --matcher. */
  chosen: boolean;
  ignoreHeaders: string[];
}

const KIND_LABEL: Record<IncomingRequests['kind'], string> = {
  cassette: 'cassette',
  curl: 'curl command',
  'raw-http': 'raw HTTP request',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function replayRule(report: MatchReport): string {
  if (report.profile === 'polly')
    return report.on.includes('order')
      ? 'the n-th identical request gets the n-th identical entry (order)'
      : 'identical requests all get the first identical entry (no order)';
  return report.allowRepeats ? 'interactions may replay more than once' : 'each interaction replays once';
}

function matcherLine(result: MatcherResult): string {
  if (result.skipped) return `${result.name}: ${result.skipped}`;
  const summary = result.difference?.summary ?? 'differs';
  return `${result.name}: ${oneLine(summary, 300)}`;
}

function nearLines(near: NearMiss, context: MatchContext): string[] {
  const request = context.recorded.exchanges[near.interaction]?.request;
  const failed = near.matchers.filter((result) => !result.ok);
  const passed = near.matchers.filter((result) => result.ok && !result.skipped).map((result) => result.name);
  const head = `interaction ${near.interaction + 1}${request ? ` (${oneLine(`${request.method} ${request.url}`, 120)})` : ''}`;
  const lines = [
    near.alreadyUsed
      ? `${head}: every matcher passes, but it was played already`
      : `${head}: ${plural(failed.length, 'matcher')} failed`,
  ];
  for (const result of failed) lines.push(`    ✗ ${matcherLine(result)}`);
  for (const result of near.matchers.filter((item) => item.skipped))
    lines.push(`    – ${matcherLine(result)}`);
  if (passed.length > 0) lines.push(`    ✓ ${passed.join(', ')}`);
  return lines;
}

export function formatMatchReport(report: MatchReport, context: MatchContext): string {
  const profile = profileById(report.profile);
  const { recorded, incoming } = context;
  const lines = [
    `recorded: ${oneLine(context.recordedName, 200)} (${recorded.format}, ${plural(recorded.exchanges.length, 'interaction')})`,
    `new:      ${oneLine(context.incomingName, 200)} (${incoming.kind === 'cassette' ? `${incoming.format ?? 'cassette'}, ${plural(incoming.requests.length, 'request')}` : KIND_LABEL[incoming.kind]})`,
    `matcher:  ${report.profile}${context.chosen ? ' (--matcher)' : ` (from the recording: ${context.suggested.reason})`}`,
  ];
  if (context.chosen && context.suggested.profile !== report.profile)
    lines.push(
      `          the recording's recorder suggests ${context.suggested.profile}: ${context.suggested.reason}`,
    );
  lines.push(
    `          on ${report.on.join(', ')}${context.ignoreHeaders.length > 0 ? `, ignoring headers ${context.ignoreHeaders.join(', ')}` : ''}; ${replayRule(report)}`,
  );
  if (profile) lines.push(`          rules from ${profile.source}`);
  lines.push('          numbered from 1 as in the page; differences read recorded ≠ new', '');
  for (const note of incoming.notes) lines.push(`note: ${oneLine(note, 300)}`);

  for (const verdict of report.verdicts) {
    lines.push(`request ${verdict.request + 1}  ${oneLine(`${verdict.method} ${verdict.url}`, 160)}`);
    if (verdict.interaction !== null) lines.push(`  ✓ replays interaction ${verdict.interaction + 1}`);
    else lines.push('  ✗ no match');
    for (const note of verdict.notes) lines.push(`    ${oneLine(note, 300)}`);
    verdict.nearest.forEach((near, rank) => {
      const [first, ...rest] = nearLines(near, context);
      lines.push(`  ${rank === 0 ? 'nearest' : 'then'}: ${first}`);
      for (const line of rest) lines.push(`  ${line}`);
    });
  }
  const replaying = report.verdicts.filter((verdict) => verdict.interaction !== null).length;
  lines.push(
    '',
    report.allReplay
      ? `all ${plural(report.verdicts.length, 'request')} would replay`
      : `${replaying} of ${plural(report.verdicts.length, 'request')} would replay`,
    '',
  );
  return lines.join('\n');
}

function matcherJson(result: MatcherResult) {
  return {
    name: result.name,
    ok: result.ok,
    skipped: result.skipped ?? null,
    summary: result.difference?.summary ?? null,
    json_path: result.difference?.jsonPath ?? null,
    recorded: result.difference?.recorded ?? null,
    new: result.difference?.incoming ?? null,
    headers: result.difference?.headers ?? null,
    masked_only: result.difference?.maskedOnly ?? null,
  };
}

export function matchReportJson(report: MatchReport, context: MatchContext) {
  return {
    recorded: context.recordedName,
    recorded_format: context.recorded.format,
    new: context.incomingName,
    new_kind: context.incoming.kind,
    new_notes: context.incoming.notes,
    profile: report.profile,
    profile_source: profileById(report.profile)?.source ?? null,
    suggested_profile: context.suggested.profile,
    suggested_reason: context.suggested.reason,
    on: report.on,
    ignore_headers: context.ignoreHeaders,
    allow_repeats: report.allowRepeats,
    all_replay: report.allReplay,
    requests: report.verdicts.map((verdict) => ({
      request_index: verdict.request,
      method: verdict.method,
      url: verdict.url,
      interaction_index: verdict.interaction,
      notes: verdict.notes,
      nearest: verdict.nearest.map((near) => ({
        interaction_index: near.interaction,
        already_used: near.alreadyUsed,
        matchers: near.matchers.map(matcherJson),
      })),
    })),
  };
}
