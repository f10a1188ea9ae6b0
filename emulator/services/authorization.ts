/**
 * Simple triggers run without authorization (AuthMode.LIMITED): "They cannot access services
 * that require authorization" (https://developers.google.com/apps-script/guides/triggers#restrictions).
 * Services that need a scope call `requireAuthorization` first, so code that works only as an
 * installable trigger or from the menu fails here as it does in Apps Script.
 */
import { GasEnv } from '../env';
import { GasError } from '../errors';

export const SCOPES = {
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  forms: 'https://www.googleapis.com/auth/forms',
  calendar: 'https://www.googleapis.com/auth/calendar.readonly',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request', // UrlFetchApp (issue 15)
} as const;

export function requireAuthorization(env: GasEnv, method: string, scope: string): void {
  if (env.execution?.kind === 'simple-trigger') {
    throw new GasError(`You do not have permission to call ${method}. Required permissions: ${scope}`);
  }
}
