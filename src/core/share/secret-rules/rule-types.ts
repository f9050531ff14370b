/**
 * The shape of one credential rule, as scripts/update-secret-rules.mjs writes it from gitleaks'
 * config/gitleaks.toml (https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml):
 * the regex already converted from Go (RE2) syntax to a JavaScript source and flags.
 */
export interface RegexData {
  source: string;
  flags: string;
}

/**
 * Values that look like a match but are not secrets. `target` says what the regexes test, as in
 * gitleaks' `regexTarget`: the secret (the default), the whole match, or the line around it.
 * A stopword anywhere in the secret (case-insensitive) also allows it.
 */
export interface SecretAllowlistData {
  target: 'secret' | 'match' | 'line';
  regexes: readonly RegexData[];
  stopwords: readonly string[];
}

export interface SecretRuleData extends RegexData {
  id: string;
  description: string;
  /** Capture group holding the secret; by default the first group that matched, else the match. */
  secretGroup?: number;
  /**
   * The rule's leading lazy `[\w.-]{0,50}?` was lifted off its regex (scripts/secret-rules/
   * go-regex-to-js.mjs, liftLazyPrefix): the whole match is rebuilt with up to this many `[\w.-]`
   * characters before it.
   */
  prefixMax?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  /** Lower-case words one of which must occur in the text for the rule to run (gitleaks' prefilter). */
  keywords: readonly string[];
  allowlists: readonly SecretAllowlistData[];
}
