// The yardsticks, bundled for the page: bare js-yaml and bare yaml, nothing of the app.
import * as jsyaml from 'js-yaml';
import * as YAML from 'yaml';
globalThis.__benchParsers = { jsyaml, YAML };
