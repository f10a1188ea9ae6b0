/**
 * UrlFetchApp as a registered service (emulator/registry.ts): the platforms' fakes are routed to
 * it by host (`_route`), so no request ever leaves the machine.
 */
import type { ServiceModule } from '../../service-module';
import { HTTPResponse } from './http-response';
import { URL_FETCH_QUOTA_CONSUMER, UrlFetchApp } from './url-fetch-app';

export const URL_FETCH_SERVICE: ServiceModule = {
  global: 'UrlFetchApp',
  messagePrefix: 'UrlFetchApp',
  namespaces: ['URL_Fetch'],
  create: (ctx) => new UrlFetchApp(ctx.env, ctx.urlFetchQuota ?? URL_FETCH_QUOTA_CONSUMER),
  samples: (ctx) => [new UrlFetchApp(ctx.env), new HTTPResponse(200, [], '')],
  costs: [
    // A round trip to an outside API; fetchAll runs its requests in parallel: one round trip for
    // the batch plus a little per request (no published figure: assumption).
    { match: /^UrlFetchApp\.(fetch|fetchAll)$/, ms: 300, source: 'assumption' },
    { match: /^UrlFetchApp\.fetchAll\[request\]$/, ms: 20, source: 'assumption' },
  ],
};
