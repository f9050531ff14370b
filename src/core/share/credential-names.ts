/**
 * Structural rules: names whose value is a credential, wherever the name appears — an HTTP header,
 * a URL query parameter (and HAR `queryString[]`), a form field (`application/x-www-form-urlencoded`
 * bodies, HAR `postData.params[]`), or a JSON/YAML field. The value is masked whatever it looks
 * like, so these catch what no token pattern can (a password, an opaque session token).
 * Names are compared after folding case and separators: `X-Api-Key`, `x_api_key` and `xApiKey` are
 * the same name `x_api_key`.
 */

/** `X-Amz-Security-Token` → `x_amz_security_token`, `clientSecret` → `client_secret`. */
export function foldName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Headers whose whole value is a credential (RFC 9110 §11.6.2 Authorization, RFC 6265 cookies) or
 * that vendors document as carrying a key: Azure API Management `Ocp-Apim-Subscription-Key`, AWS
 * `X-Amz-Security-Token`, GitLab `Private-Token`, Anthropic `x-api-key`/`anthropic-api-key`,
 * Azure OpenAI `api-key`, Google `x-goog-api-key`, OpenStack `X-Auth-Token`.
 */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy_authorization',
  'cookie',
  'set_cookie',
  'x_api_key',
  'api_key',
  'apikey',
  'x_goog_api_key',
  'ocp_apim_subscription_key',
  'x_amz_security_token',
  'x_auth_token',
  'private_token',
  'anthropic_api_key',
]);

/** Headers that identify the account: organization and project ids (OpenAI, Anthropic). */
const ACCOUNT_HEADERS = new Set([
  'openai_organization',
  'openai_project',
  'anthropic_organization_id',
  'x_organization_id',
  'x_project_id',
]);

/**
 * Query parameters and form fields that carry credentials: Gemini `key=`, Azure `api-key=`,
 * OAuth 2.0 (RFC 6749 §2.3.1 `client_secret`, §4.3 `password`, §6 `refresh_token`; RFC 6750 §2.3
 * `access_token`), SAS and signed URLs (`sig=`, AWS SigV4 query `X-Amz-Signature`,
 * `X-Amz-Security-Token`, `X-Amz-Credential`, Google `X-Goog-Signature`).
 */
const CREDENTIAL_PARAMS = new Set([
  'key',
  'api_key',
  'apikey',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'password',
  'passwd',
  'pwd',
  'secret',
  'sig',
  'signature',
  'x_amz_signature',
  'x_amz_security_token',
  'x_amz_credential',
  'x_goog_signature',
  'x_goog_credential',
  'subscription_key',
  'auth',
  'jwt',
]);

/** Name endings that mean "a credential" in any field, header or parameter name. */
const CREDENTIAL_SUFFIX =
  /(?:^|_)(?:api_?key|subscription_key|secret_?key|private_?key|access_?key|auth_?key|client_secret|secret|password|passwd|token|auth_token|authorization|cookie)$/;

/**
 * Names that end like a credential but are not one: tokens that page through results, and CORS
 * response headers (Fetch standard §3.2.3) such as `Access-Control-Allow-Credentials`.
 */
const NOT_CREDENTIALS =
  /(?:^|_)(?:page|next_page|continuation|next|sync|cursor|cancel|max|num|stop)_token$|^access_control_/;

export type NameKind = 'credential' | 'account' | null;

/** What a header's value is. */
export function headerKind(name: string): NameKind {
  const folded = foldName(name);
  if (CREDENTIAL_HEADERS.has(folded)) return 'credential';
  if (ACCOUNT_HEADERS.has(folded)) return 'account';
  return isCredentialName(folded) ? 'credential' : null;
}

/** Whether a query parameter or form field carries a credential. */
export function isCredentialParam(name: string): boolean {
  const folded = foldName(name);
  return CREDENTIAL_PARAMS.has(folded) || isCredentialName(folded);
}

/** Whether a JSON/YAML field (or any other name) is named like a credential. */
export function isCredentialField(name: string): boolean {
  return isCredentialName(foldName(name));
}

function isCredentialName(folded: string): boolean {
  return CREDENTIAL_SUFFIX.test(folded) && !NOT_CREDENTIALS.test(folded);
}
