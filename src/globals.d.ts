/**
 * Build-time constants. Vite replaces them in the page and its workers (`define` in
 * vite.config.ts, https://vite.dev/config/shared-options#define), esbuild in the CLI bundle
 * (scripts/build-cli.mjs); both take the value from package.json's `version`.
 *
 * A module (the `export {}`), so a file outside tsconfig.app.json's `src` (the unit tests are
 * type-checked by tsconfig.node.json) can bring it in with `import type {} from '…/globals'`.
 */
declare global {
  /** package.json's `version`, e.g. "0.1.0". */
  const __CASSETTE_VIEWER_VERSION__: string;
}

export {};
