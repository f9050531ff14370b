/**
 * The format registry, in probe order. Probes look at content only (never the file name); the
 * first module whose probe accepts the document reads it. cassetter comes before go-vcr and vcrpy:
 * its files also have `version: 1` and `interactions` with `request.uri`, and only its typed
 * bodies (`{type, content}`, `body_type`) tell it apart.
 */
import type { DocumentReader, FormatModule } from '../format-module';
import { tomlDocumentReader } from '../toml-document';
import { cassetterFormat } from './cassetter';
import { exvcrFormat } from './exvcr';
import { goVcrV1Format, goVcrV2Format } from './go-vcr';
import { harFormat, pollyFormat } from './har';
import { httprrDocumentReader, httprrFormat } from './httprr';
import { langchainYamlGzFormat } from './langchain-yaml-gz';
import { nockFormat } from './nock';
import { rubyVcrFormat } from './ruby-vcr';
import { vcrpyFormat } from './vcrpy';

export const FORMATS: readonly FormatModule[] = [
  httprrFormat,
  cassetterFormat,
  goVcrV2Format,
  goVcrV1Format,
  vcrpyFormat,
  rubyVcrFormat,
  pollyFormat,
  harFormat,
  langchainYamlGzFormat,
  nockFormat,
  exvcrFormat,
];

/**
 * Readers for files that are neither YAML nor JSON, tried (by their `sniff`, on the start of the
 * file) before the YAML/JSON reader.
 */
export const DOCUMENT_READERS: readonly DocumentReader[] = [httprrDocumentReader, tomlDocumentReader];

/** The module that reads this document root, or null. */
export function detectFormat(root: unknown): FormatModule | null {
  return FORMATS.find((format) => format.probe(root) === null) ?? null;
}
