/** Builders of `HttpRequest`s for the matcher tests. */
import type { HttpRequest } from '../model/http';

export interface RequestSpec {
  method?: string;
  url?: string;
  headers?: Record<string, string | string[]>;
  body?: string | null;
  protocol?: string | null;
}

export const BASE_URL = 'https://api.example.com/v1/chat?b=2&a=1';
export const BASE_BODY = '{"model":"m","messages":[{"role":"user","content":"hi"}]}';

export function request(spec: RequestSpec = {}): HttpRequest {
  const headers = Object.entries(
    spec.headers ?? { 'Content-Type': 'application/json', 'User-Agent': 'test/1.0' },
  ).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => ({ name, value: item })),
  );
  const body = spec.body === undefined ? BASE_BODY : spec.body;
  return {
    method: spec.method ?? 'POST',
    url: spec.url ?? BASE_URL,
    headers,
    body:
      body === null
        ? null
        : { text: body, bytes: null, mimeType: 'application/json', sizeBytes: body.length, decoding: [] },
    protocol: spec.protocol === undefined ? 'HTTP/1.1' : spec.protocol,
  };
}

/** The single changes every profile's test walks through, each from the same base request. */
export const CHANGES: Record<string, RequestSpec> = {
  method: { method: 'PUT' },
  host: { url: 'https://api.other.com/v1/chat?b=2&a=1' },
  port: { url: 'https://api.example.com:8443/v1/chat?b=2&a=1' },
  path: { url: 'https://api.example.com/v1/chat2?b=2&a=1' },
  'query order': { url: 'https://api.example.com/v1/chat?a=1&b=2' },
  header: { headers: { 'Content-Type': 'application/json', 'User-Agent': 'test/2.0' } },
  'body field': { body: '{"model":"m","messages":[{"role":"user","content":"bye"}]}' },
  'JSON key order': { body: '{"messages":[{"role":"user","content":"hi"}],"model":"m"}' },
};
