import type {} from '../../globals';

/**
 * The app's version for the HAR's `log.creator.version` (HAR 1.2: "Version of the log creator
 * application"), so a HAR exported from the page names the same version as one from
 * `cassette-viewer export --to har`. Vite puts package.json's version in at build time
 * (vite.config.ts `define`); Vitest applies the same config, so the unit test sees it too.
 */
export const APP_VERSION: string = __CASSETTE_VIEWER_VERSION__;
