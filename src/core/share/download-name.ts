/**
 * The file name of "Download masked cassette" (issue 14): the base of the name the file was
 * opened under, `.masked`, then an extension of the cassette's own format and syntax. A name can
 * come from a link (`#c=…` carries one), so its extension is never trusted: `report.html` becomes
 * `report.masked.yaml`, never `report.masked.html`. A name that already ends in one of the
 * format's extensions keeps it (`chat.yml` → `chat.masked.yml`).
 */
import type { CassetteFormat } from '../model/http';

/** What the downloaded text is: its format (as loaded) and the text itself (JSON, YAML or TOML). */
export interface DownloadKind {
  format: CassetteFormat;
  /** `Cassette.formatVariant`: cassetter names its TOML form "(toml)". */
  formatVariant: string;
  text: string;
}

const YAML = ['.yaml', '.yml'];
const JSON_EXT = ['.json'];

/** The extensions each format is written with, the usual one first. */
function extensionsOf({ format, formatVariant, text }: DownloadKind): string[] {
  const json = /^\s*[[{]/.test(text.slice(0, 1024));
  switch (format) {
    case 'har':
    case 'polly':
      // Polly writes `recording.har`; its YAML form is `.har.yaml`.
      return json ? ['.har', '.json'] : ['.har.yaml', '.har.yml', ...YAML];
    case 'nock':
    case 'exvcr':
      return JSON_EXT;
    case 'httprr':
      // golang.org/x/oscar/internal/httprr writes `testdata/NAME.httprr`.
      return ['.httprr'];
    case 'cassetter':
      if (/\(toml\)/.test(formatVariant)) return ['.toml'];
      return json ? JSON_EXT : YAML;
    default:
      // go-vcr, vcrpy, Ruby VCR, LangChain (decompressed): YAML, or vcrpy's JSON serializer.
      return json ? JSON_EXT : YAML;
  }
}

/** At most this many characters of the base name are kept (names from links can be any length). */
const MAX_BASE_CHARS = 120;

export function downloadName(fileName: string, kind: DownloadKind, masked: boolean): string {
  const extensions = extensionsOf(kind);
  let base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.(gz|zz|zlib)$/i, '');
  const lower = base.toLowerCase();
  const own = extensions.find((ext) => lower.endsWith(ext) && lower.length > ext.length);
  if (own) base = base.slice(0, base.length - own.length);
  else base = base.replace(/\.[A-Za-z0-9]{1,12}$/, '');
  // Characters a file system or a download prompt could take for something else.
  // eslint-disable-next-line no-control-regex -- control characters are what this removes.
  base = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '_');
  base = base.slice(0, MAX_BASE_CHARS).replace(/^[.\s]+/, '') || 'cassette';
  const extension = base.toLowerCase().endsWith('.masked') ? '' : masked ? '.masked' : '';
  return `${base}${extension}${own ?? extensions[0]}`;
}
