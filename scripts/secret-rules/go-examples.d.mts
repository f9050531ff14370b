// Types for go-examples.mjs.
export function extractExamples(goSource: string): Record<string, string[]>;
