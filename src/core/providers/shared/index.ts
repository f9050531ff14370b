/**
 * Helpers every adapter may use. Stable API: other adapters depend on these names.
 *
 * - json.ts: `readJson(body)`, `parseJson(text)`, `couldBeJson(text)`, `parseArguments(text)`, `argumentsTextOf(value)`,
 *   narrowing (`isRecord`, `asRecord`, `asArray`, `asString`, `stringOrNull`), safe property access
 *   (`field`, `path`), prototype-free records (`safeRecord`, `pickParams`, `omitParams`).
 * - http.ts: `header`, `headerValues`, `urlParts`, `urlHost`, `urlPath`, `queryParam`, `hostIs`,
 *   `responseStatus`, `isHttpError`, `requestMimeType`.
 * - numbers.ts: `toNumber`, `firstNumber`, `secondsToMs`, `nanosToMs`.
 * - usage.ts: `buildUsage(counts, raw)`, `addUsage`, `mergeUsage`.
 * - exchange.ts: `emptyExchange(adapter)`, `readProviderError(json, eventIndex?)`, `jsonEvents`, `addNote`.
 * - content.ts: `textPart`, `unknownPart`, `mediaFromUrl` (data URLs become inline media).
 * - embeddings.ts: `readEmbeddingsExchange(shape, exchange)`, `embeddingsAdapter(shape, detect)`, `embeddingsPart`, `inputParts`.
 */
export * from './json';
export * from './http';
export * from './numbers';
export * from './usage';
export * from './exchange';
export * from './content';
export * from './embeddings';
