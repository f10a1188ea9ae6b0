/** UrlFetchApp and its HTTPResponse, served by in-process fakes (emulator/fakes/platforms). */
export {
  UrlFetchApp,
  URL_FETCH_QUOTA_CONSUMER,
  URL_FETCH_QUOTA_WORKSPACE,
  URL_FETCH_QUOTA_MESSAGE,
  TRUNCATED_RESPONSE_CHARS,
} from './url-fetch-app';
export type { FetchRequest, FakeResponse, FakeHost } from './url-fetch-app';
export { HTTPResponse } from './http-response';
