/** A few words about where media comes from: "image/png, 12.3 KB inline" or "remote: host". */
import type { MediaSource } from '../../core/model/conversation';

export function describeSource(source: MediaSource): string {
  if (source.kind === 'url') {
    if (source.url.startsWith('data:'))
      return `data URL, ${source.url.slice(5, 40).split(/[;,]/)[0] || 'unknown type'}`;
    try {
      return `remote: ${new URL(source.url).host}`;
    } catch {
      return 'remote address';
    }
  }
  const bytes = Math.floor((source.base64.replace(/[\s=]/g, '').length * 3) / 4);
  const size = bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
  return `${source.mimeType}, ${size} inline`;
}
