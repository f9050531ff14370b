/**
 * The format registry, in probe order. Probes look at content only (never the file name); the
 * first module whose probe accepts the document reads it.
 */
import type { FormatModule } from '../format-module';
import { goVcrV1Format, goVcrV2Format } from './go-vcr';
import { harFormat, pollyFormat } from './har';
import { rubyVcrFormat } from './ruby-vcr';
import { vcrpyFormat } from './vcrpy';

export const FORMATS: readonly FormatModule[] = [
  goVcrV2Format,
  goVcrV1Format,
  vcrpyFormat,
  rubyVcrFormat,
  pollyFormat,
  harFormat,
];

/** The module that reads this document root, or null. */
export function detectFormat(root: unknown): FormatModule | null {
  return FORMATS.find((format) => format.probe(root) === null) ?? null;
}
