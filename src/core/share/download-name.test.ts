import { describe, expect, it } from 'vitest';
import { downloadName, type DownloadKind } from './download-name';

const yaml: DownloadKind = { format: 'go-vcr-v2', formatVariant: 'version 2', text: 'version: 2\n' };
const vcrpyJson: DownloadKind = { format: 'vcrpy', formatVariant: 'json', text: '{"interactions": []}' };
const har: DownloadKind = { format: 'har', formatVariant: 'HAR 1.2', text: '{\n  "log": {}\n}' };
const pollyYaml: DownloadKind = { format: 'polly', formatVariant: 'polly', text: 'log:\n  entries: []\n' };
const toml: DownloadKind = {
  format: 'cassetter',
  formatVariant: 'cassetter v1 (toml)',
  text: 'version = 1\n',
};
const httprr: DownloadKind = { format: 'httprr', formatVariant: 'v1', text: 'httprr trace v1\n' };

describe('downloadName', () => {
  it('keeps a name that already has one of the format’s extensions', () => {
    expect(downloadName('dir/chat.yaml', yaml, true)).toBe('chat.masked.yaml');
    expect(downloadName('C:\\tests\\chat.yml', yaml, true)).toBe('chat.masked.yml');
    expect(downloadName('calls.json', vcrpyJson, true)).toBe('calls.masked.json');
    expect(downloadName('recording.har', har, true)).toBe('recording.masked.har');
    expect(downloadName('recording.har.yaml', pollyYaml, true)).toBe('recording.masked.har.yaml');
    expect(downloadName('bodies.toml', toml, true)).toBe('bodies.masked.toml');
  });

  it('replaces any other extension by the format’s own, never keeping one a link chose', () => {
    expect(downloadName('report.html', yaml, true)).toBe('report.masked.yaml');
    expect(downloadName('report.masked.html', yaml, true)).toBe('report.masked.yaml');
    expect(downloadName('payload.exe', har, true)).toBe('payload.masked.har');
    expect(downloadName('report.html', vcrpyJson, false)).toBe('report.json');
    expect(downloadName('trace.txt', httprr, true)).toBe('trace.masked.httprr');
    expect(downloadName('chat.yaml', toml, true)).toBe('chat.masked.toml');
  });

  it('drops the compression extension: the download is the decoded text', () => {
    expect(downloadName('chat.json.gz', vcrpyJson, true)).toBe('chat.masked.json');
    expect(downloadName('chat.yaml.zz', yaml, false)).toBe('chat.yaml');
  });

  it('bounds and cleans what a link could put in the name', () => {
    expect(downloadName('', yaml, true)).toBe('cassette.masked.yaml');
    expect(downloadName('.html', yaml, true)).toBe('cassette.masked.yaml');
    expect(downloadName('a\u202Eled.html', yaml, true)).toBe('a_led.masked.yaml');
    const long = downloadName(`${'x'.repeat(5_000)}.html`, yaml, true);
    expect(long).toBe(`${'x'.repeat(120)}.masked.yaml`);
  });
});
