// The action's inputs as the runner passes them: `INPUT_<NAME>` environment variables, the name upper-cased with
// spaces turned into underscores and hyphens kept (the rule @actions/core's getInput follows).

import { FORMAT_NAMES, type FormatName } from '../report/report-input.js';

export type FailOn = 'error' | 'warning' | 'never';
export const FAIL_ON_VALUES: FailOn[] = ['error', 'warning', 'never'];

export interface ActionInputs {
  paths: string[];
  config?: string;
  /** The report printed to the step log beside the annotations; `github` prints the annotations only. */
  format: FormatName;
  maxWarnings?: number;
  failOn: FailOn;
  sarifFile: string;
  bootstrapServer?: string;
  commandConfig?: string;
  saslUsername?: string;
  saslPassword?: string;
}

/** A wrong input value: the action fails with this message (exit 2), as the CLI does for a wrong flag. */
export class ActionInputError extends Error {}

type Env = Record<string, string | undefined>;

export function inputOf(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** `paths` is one path per line or separated by spaces, as YAML block scalars make natural. */
function pathsOf(value: string): string[] {
  const paths = value.split(/\s+/).filter((path) => path !== '');
  return paths.length > 0 ? paths : ['.'];
}

function formatOf(value: string): FormatName {
  if (value === '') return 'stylish';
  if (value === 'sarif') throw new ActionInputError('format: sarif is written to the sarif-file input, not the log; pick stylish, compact, json or github');
  if ((FORMAT_NAMES as string[]).includes(value)) return value as FormatName;
  throw new ActionInputError(`format: unknown format "${value}"; use one of: stylish, compact, json, github`);
}

function maxWarningsOf(value: string): number | undefined {
  if (value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new ActionInputError(`max-warnings takes a whole number, not "${value}"`);
  return Number(value);
}

function failOnOf(value: string): FailOn {
  if (value === '') return 'error';
  if ((FAIL_ON_VALUES as string[]).includes(value)) return value as FailOn;
  throw new ActionInputError(`fail-on: "${value}" is not one of ${FAIL_ON_VALUES.join(', ')}`);
}

export function readActionInputs(env: Env): ActionInputs {
  return {
    paths: pathsOf(inputOf(env, 'paths')),
    config: optional(inputOf(env, 'config')),
    format: formatOf(inputOf(env, 'format')),
    maxWarnings: maxWarningsOf(inputOf(env, 'max-warnings')),
    failOn: failOnOf(inputOf(env, 'fail-on')),
    sarifFile: inputOf(env, 'sarif-file') || 'kafkalint.sarif',
    bootstrapServer: optional(inputOf(env, 'bootstrap-server')),
    commandConfig: optional(inputOf(env, 'command-config')),
    saslUsername: optional(inputOf(env, 'sasl-username')),
    saslPassword: optional(inputOf(env, 'sasl-password')),
  };
}
