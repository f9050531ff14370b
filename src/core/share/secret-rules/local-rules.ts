/**
 * Key shapes of LLM providers that gitleaks v8.30.1 has no rule for, kept from this app's first
 * masking (issue 6) and not to be grown: new patterns belong upstream in gitleaks, and arrive here
 * with scripts/update-secret-rules.mjs (docs/secret-detection.md). Prefixes as each issuer
 * documents them: `sk-…` (OpenAI without the `T3BlbkFJ` marker gitleaks requires, OpenRouter
 * `sk-or-v1-…`, DeepSeek), Google `AIza…` in any context (gitleaks requires a quote, space or `;`
 * after it, so a key followed by `&` in a URL escaped it), Groq `gsk_…`, xAI `xai-…`, OpenAI
 * organization and project ids, which name the account rather than unlock it, and a bearer token
 * written in text (RFC 6750 §2.1 `Bearer`, any case; the token must hold a digit, so prose such as
 * "bearer authentication" is left alone).
 */
import type { SecretAllowlistData, SecretRuleData } from './rule-types';

const rule = (id: string, description: string, source: string, keywords: string[]): SecretRuleData => ({
  id,
  description,
  source,
  flags: '',
  keywords,
  allowlists: [],
});

export const LOCAL_RULES: readonly SecretRuleData[] = [
  rule('llm-sk-key', 'API key (sk-…)', '\\bsk-[A-Za-z0-9_-]{16,}', ['sk-']),
  rule('google-api-key-any-context', 'Google API key', 'AIza[0-9A-Za-z_-]{35}', ['aiza']),
  rule('groq-api-key', 'Groq API key', '\\bgsk_[A-Za-z0-9]{20,}', ['gsk_']),
  rule('xai-api-key', 'xAI API key', '\\bxai-[A-Za-z0-9]{20,}', ['xai-']),
  rule('openai-organization-id', 'OpenAI organization id', '\\borg-[A-Za-z0-9]{16,}\\b', ['org-']),
  rule('openai-project-id', 'OpenAI project id', '\\bproj_[A-Za-z0-9]{16,}\\b', ['proj_']),
  {
    ...rule(
      'bearer-token-in-text',
      'Bearer token',
      '\\bbearer\\s+(?=[A-Za-z._~+/-]*[0-9])([A-Za-z0-9._~+/-]{8,}=*)',
      ['bearer'],
    ),
    flags: 'i',
  },
];

/**
 * Allowlists this app adds to gitleaks rules, by rule id. gitleaks' `generic-api-key` fires on any
 * field whose name holds "key" followed by a high-entropy value, so a SHA digest published under a
 * name like `hashedKey` (Sourcegraph's `productSubscription.license.hashedKey`, in the corpus's
 * Cody HARs) was taken for a credential and the share link was refused. A value that is exactly
 * a hex digest (32, 40, 64 or 128 hex digits: MD5, SHA-1, SHA-256, SHA-512) under a name that says
 * it is a hash, digest, checksum or fingerprint is a one-way value, not a key. Only this generic
 * rule is relaxed: provider-specific rules still see the value. (gitleaks' own allowlist syntax:
 * README "Configuration", `[[rules.allowlists]]` with `regexTarget = "match"`.)
 */
export const LOCAL_ALLOWLISTS: Readonly<Record<string, readonly SecretAllowlistData[]>> = {
  'generic-api-key': [
    {
      target: 'match',
      regexes: [
        {
          source:
            '^[\\w.-]*(?:hash|digest|checksum|fingerprint|sha1|sha256|sha512|md5)[\\w.-]*[\\s\'"\\\\]{0,6}(?:=|:)[\\s\'"\\\\]{0,6}(?:[0-9a-f]{128}|[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?![0-9a-z])',
          flags: 'i',
        },
      ],
      stopwords: [],
    },
  ],
};
