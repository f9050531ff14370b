/**
 * The Go (RE2) → JavaScript regex conversion the ruleset update uses
 * (scripts/secret-rules/go-regex-to-js.mjs), and the converted ruleset itself: every literal
 * example gitleaks ships for a rule is matched by that rule's converted regex.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  goRegexToJs,
  liftLazyPrefix,
  UnsupportedRegexError,
} from '../../scripts/secret-rules/go-regex-to-js.mjs';
import { GITLEAKS_RULES, GITLEAKS_SKIPPED } from '../../src/core/share/secret-rules/gitleaks-rules.generated';
import { scanWithRules } from '../../src/core/share/secret-rules/rule-engine';

const toRegExp = (go: string) => {
  const { source, flags } = goRegexToJs(go);
  return new RegExp(source, flags);
};

describe('goRegexToJs', () => {
  it('turns a leading (?i) into the i flag', () => {
    expect(goRegexToJs('(?i)abc')).toEqual({ source: 'abc', flags: 'i' });
  });

  it('spells out case-insensitive parts when (?-i:…) turns it off inside', () => {
    const re = toRegExp('(?i)key(?-i:[Aa]pi|API)');
    expect(re.test('KEYApi')).toBe(true);
    expect(re.test('keyAPI')).toBe(true);
    expect(re.test('keyaPI')).toBe(false);
    expect(toRegExp('x(?i:ab[c-d])').test('xABD')).toBe(true);
    expect(toRegExp('x(?i:ab)y').test('xABY')).toBe(false);
  });

  it('translates (?s:.), \\z, POSIX classes, a leading ] in a class and named groups', () => {
    expect(toRegExp('a(?s:.)b').test('a\nb')).toBe(true);
    expect(toRegExp('a.b').test('a\nb')).toBe(false);
    expect(toRegExp('ab\\z').test('xab')).toBe(true);
    expect(toRegExp('ab\\z').test('abx')).toBe(false);
    expect(toRegExp('^[[:alnum:]_]+$').test('aZ9_')).toBe(true);
    expect(toRegExp('^[^]]+$').test('abc')).toBe(true);
    expect(toRegExp('^[^]]+$').test('a]c')).toBe(false);
    expect(toRegExp('(?P<k>a+)b').exec('aab')?.groups?.k).toBe('aa');
  });

  it('refuses what it cannot translate faithfully', () => {
    expect(() => goRegexToJs('\\p{Greek}')).toThrow(UnsupportedRegexError);
    expect(() => goRegexToJs('(?U)a+')).toThrow(UnsupportedRegexError);
    expect(() => goRegexToJs('\\Qa.b\\E')).toThrow(UnsupportedRegexError);
  });

  it('lifts the lazy [\\w.-]{0,50}? prefix and says how far to rebuild it', () => {
    expect(liftLazyPrefix('(?i)[\\w.-]{0,50}?(?:key)x')).toEqual({ go: '(?i)(?:key)x', prefixMax: 50 });
    expect(liftLazyPrefix('[\\w.-]{0,50}?(?i:[\\w.-]{0,50}?(?:key))x')).toEqual({
      go: '(?i:(?:key))x',
      prefixMax: 100,
    });
    expect(liftLazyPrefix('ghp_[0-9a-zA-Z]{36}')).toEqual({ go: 'ghp_[0-9a-zA-Z]{36}', prefixMax: 0 });
  });
});

describe('the converted gitleaks ruleset', () => {
  const { examples } = JSON.parse(readFileSync('tests/fixtures/secrets/gitleaks-examples.json', 'utf8')) as {
    examples: Record<string, string[]>;
  };

  it('keeps nearly every rule, and says why each one left out is', () => {
    expect(GITLEAKS_RULES.length).toBeGreaterThan(200);
    for (const { reason } of GITLEAKS_SKIPPED) expect(reason).toMatch(/path/);
  });

  it('matches the examples gitleaks ships, each with its own rule', () => {
    let matched = 0;
    const missed: string[] = [];
    for (const rule of GITLEAKS_RULES) {
      const re = new RegExp(rule.source, rule.flags);
      for (const example of examples[rule.id] ?? []) {
        if (re.test(example)) matched += 1;
        // gitleaks wraps bare sample secrets in `key = "…"` contexts at test time; those alone
        // need not match a rule that wants the context.
        else if (/[=:]/.test(example)) missed.push(`${rule.id}: ${example.slice(0, 40)}`);
      }
    }
    expect(missed).toEqual([]);
    expect(matched).toBeGreaterThan(250);
  });

  it('reports an example through the engine (keywords, entropy, allowlists)', () => {
    const found = new Set<string>();
    for (const [id, list] of Object.entries(examples)) {
      for (const example of list) if (scanWithRules(example).some((m) => m.ruleId === id)) found.add(id);
    }
    // Some examples are the rules' own near misses kept as true positives by context only.
    expect(found.size).toBeGreaterThan(Object.keys(examples).length * 0.8);
  });
});
