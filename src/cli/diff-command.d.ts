/**
 * The contract of `diff-command.ts` (issue 7, owned by another engineer), declared so that the
 * dispatcher type-checks before that module exists. TypeScript resolves `./diff-command` to the
 * `.ts` file as soon as it is written, which then takes precedence over this declaration; delete
 * this file at that point.
 */
/** Run `cassette-viewer diff A B [--json]`; resolves to the exit code (non-zero when behaviour changed). */
export function runDiff(argv: string[]): Promise<number>;
