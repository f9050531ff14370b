// Types for go-regex-to-js.mjs (a plain script module so the update script runs on Node 20 without TypeScript tooling).
export class UnsupportedRegexError extends Error {}
export function goRegexToJs(go: string): { source: string; flags: string };
export function liftLazyPrefix(go: string): { go: string; prefixMax: number };
