/**
 * Runs credential rules the way gitleaks documents them (README "Configuration", config/gitleaks.toml
 * comments): a rule runs only when one of its keywords occurs in the text (case-insensitive); the
 * secret is its `secretGroup`, else the first capture group that matched, else the whole match; a
 * secret below the rule's Shannon-entropy threshold, or matched by an allowlist (the rule's or the
 * global one: a regex on the secret, the match or the line, or a stopword inside the secret) is not
 * reported. The rules are data (gitleaks-rules.generated.ts plus local-rules.ts); this is ours.
 */
import { GITLEAKS_GLOBAL_ALLOWLIST, GITLEAKS_RULES } from './gitleaks-rules.generated';
import { LOCAL_ALLOWLISTS, LOCAL_RULES } from './local-rules';
import type { RegexData, SecretAllowlistData, SecretRuleData } from './rule-types';

/** One rule match: which rule, and the secret it names. */
export interface RuleMatch {
  ruleId: string;
  /** What the preview shows: "openai-api-key (gitleaks)", or a local rule's own description. */
  label: string;
  secret: string;
}

interface CompiledAllowlist {
  target: SecretAllowlistData['target'];
  regexes: RegExp[];
  stopwords: string[];
}

interface CompiledRule {
  data: SecretRuleData;
  label: string;
  regex: RegExp;
  allowlists: CompiledAllowlist[];
}

interface Engine {
  rules: CompiledRule[];
  /** Rules by keyword; rules without keywords always run. */
  byKeyword: Map<string, CompiledRule[]>;
  always: CompiledRule[];
  /** All keywords in one alternation, to find which occur in a text in one pass. */
  keywordPattern: RegExp | null;
  /** For each keyword, itself and every keyword inside it. */
  contained: Map<string, string[]>;
  global: CompiledAllowlist;
}

const compile = ({ source, flags }: RegexData, extra = ''): RegExp => new RegExp(source, flags + extra);

function compileAllowlist(list: SecretAllowlistData): CompiledAllowlist {
  return {
    target: list.target,
    regexes: list.regexes.map((r) => compile(r)),
    stopwords: list.stopwords.map((w) => w.toLowerCase()),
  };
}

let engine: Engine | null = null;

/** Compiles the rules once, on first use (about 220 regexes). */
function getEngine(): Engine {
  if (engine) return engine;
  const rules = [...GITLEAKS_RULES, ...LOCAL_RULES].map((data) => ({
    data,
    label: LOCAL_RULES.includes(data) ? data.description : `${data.id} (gitleaks)`,
    regex: compile(data, 'g'),
    allowlists: [...data.allowlists, ...(LOCAL_ALLOWLISTS[data.id] ?? [])].map(compileAllowlist),
  }));
  const byKeyword = new Map<string, CompiledRule[]>();
  const always: CompiledRule[] = [];
  for (const rule of rules) {
    if (rule.data.keywords.length === 0) always.push(rule);
    for (const keyword of rule.data.keywords) {
      const key = keyword.toLowerCase();
      byKeyword.set(key, [...(byKeyword.get(key) ?? []), rule]);
    }
  }
  const escaped = [...byKeyword.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  engine = {
    rules,
    byKeyword,
    always,
    keywordPattern: escaped.length ? new RegExp(escaped.join('|'), 'g') : null,
    contained: new Map(
      [...byKeyword.keys()].map((k) => [k, [...byKeyword.keys()].filter((other) => k.includes(other))]),
    ),
    global: compileAllowlist(GITLEAKS_GLOBAL_ALLOWLIST),
  };
  return engine;
}

/** How many rules the detector runs (for the Share dialog's "no credential pattern of N rules"). */
export function ruleCount(): number {
  return GITLEAKS_RULES.length + LOCAL_RULES.length;
}

/** Shannon entropy in bits per character, as gitleaks computes it for its `entropy` threshold. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * The rules whose keywords occur in `text` (case-insensitively), in one pass: the alternation is
 * retried from every position after a hit, so overlapping keywords are all seen, and a hit also
 * counts for the keywords it contains ("api" inside "sk-ant-api03").
 */
function candidateRules(text: string, e: Engine): Set<CompiledRule> {
  const found = new Set<CompiledRule>(e.always);
  const pattern = e.keywordPattern;
  if (!pattern) return found;
  const lower = text.toLowerCase();
  const seen = new Set<string>();
  pattern.lastIndex = 0;
  for (let match = pattern.exec(lower); match; match = pattern.exec(lower)) {
    pattern.lastIndex = match.index + 1;
    if (seen.has(match[0])) continue;
    seen.add(match[0]);
    for (const keyword of e.contained.get(match[0]) ?? []) {
      for (const rule of e.byKeyword.get(keyword) ?? []) found.add(rule);
    }
  }
  return found;
}

/** The run of up to `max` `[\w.-]` characters just before `index` (see SecretRuleData.prefixMax). */
function prefixBefore(text: string, index: number, max: number): string {
  let start = index;
  while (start > 0 && index - start < max && /[\w.-]/.test(text[start - 1]!)) start -= 1;
  return text.slice(start, index);
}

function lineAround(text: string, index: number, length: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index + length);
  return text.slice(start, end < 0 ? text.length : end);
}

function allowed(list: CompiledAllowlist, secret: string, match: string, line: string): boolean {
  const target = list.target === 'match' ? match : list.target === 'line' ? line : secret;
  if (list.regexes.some((re) => re.test(target))) return true;
  const lower = secret.toLowerCase();
  return list.stopwords.some((word) => lower.includes(word));
}

function secretOf(match: RegExpMatchArray, group: number | undefined): string {
  if (group !== undefined) return match[group] ?? '';
  for (let i = 1; i < match.length; i++) if (match[i]) return match[i]!;
  return match[0];
}

/** Every rule match in `text`, after keywords, entropy and allowlists; in no particular order. */
export function scanWithRules(text: string): RuleMatch[] {
  const e = getEngine();
  const out: RuleMatch[] = [];
  for (const rule of candidateRules(text, e)) {
    rule.regex.lastIndex = 0;
    for (const match of text.matchAll(rule.regex)) {
      const secret = secretOf(match, rule.data.secretGroup);
      if (!secret) continue;
      if (rule.data.entropy !== undefined && shannonEntropy(secret) < rule.data.entropy) continue;
      const index = match.index ?? 0;
      const whole = rule.data.prefixMax
        ? prefixBefore(text, index, rule.data.prefixMax) + match[0]
        : match[0];
      const line = lineAround(text, index, match[0].length);
      if (allowed(e.global, secret, whole, line)) continue;
      if (rule.allowlists.some((list) => allowed(list, secret, whole, line))) continue;
      out.push({ ruleId: rule.data.id, label: rule.label, secret });
    }
  }
  return out;
}
