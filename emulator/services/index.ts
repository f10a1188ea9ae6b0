/** The emulated Apps Script services other than the spreadsheet family (emulator/spreadsheet). */
export { CalendarApp, Calendar, CalendarEvent, INDONESIAN_HOLIDAYS_CALENDAR_ID } from './calendar-app';
export type { CalendarEventSpec } from './calendar-app';
export {
  CacheService,
  Cache,
  CACHE_DEFAULT_EXPIRATION_S,
  CACHE_MAX_EXPIRATION_S,
  CACHE_MAX_KEY_LENGTH,
  CACHE_MAX_VALUE_BYTES,
} from './cache-service';
export { nextFiring } from './clock-schedule';
export type { ClockSpec } from './clock-schedule';
export { FormApp } from './forms/form-app';
export { Form, DestinationType } from './forms/form';
export type { Submission } from './forms/form';
export { FormResponse, ItemResponse } from './forms/form-response';
export type { ResponseRecord } from './forms/form-response';
export {
  Choice,
  Item,
  ItemType,
  TextItem,
  ParagraphTextItem,
  MultipleChoiceItem,
  ListItem,
  DateTimeItem,
  SectionHeaderItem,
  TextValidation,
} from './forms/items';
export {
  ResponsesSheet,
  TIMESTAMP_HEADER,
  EMAIL_HEADER,
  RESPONSES_SHEET_PREFIX,
  RESPONSE_DATE_FORMAT,
} from './forms/responses-sheet';
export type { HostSheet, HostSpreadsheet } from './forms/responses-sheet';
export { formatJavaDate } from './java-date-format';
export { LockService, Lock, LOCK_TIMEOUT_MESSAGE } from './lock-service';
export { Logger, Console, LogBook } from './logger';
export type { LogEntry, LogLevel } from './logger';
export { MailApp, DEFAULT_MAIL_QUOTA, MAIL_QUOTA_MESSAGE, MAIL_QUOTA_WINDOW_MS } from './mail-app';
export type { SentMail } from './mail-app';
export {
  PropertiesService,
  Properties,
  PROPERTY_VALUE_MAX_BYTES,
  PROPERTY_STORE_MAX_BYTES,
} from './properties-service';
export {
  ScriptApp,
  Trigger,
  AuthMode,
  EventType,
  TriggerSource,
  WeekDay,
  MAX_TRIGGERS_PER_USER,
  TOO_MANY_TRIGGERS_MESSAGE,
} from './script-app';
export type { TriggerRecord } from './script-app';
export { SANDBOX_PRELUDE } from './script-date';
export type { SandboxHooks } from './script-date';
export { Session, User, visibleEmail } from './session';
export { resolveZone, isKnownZone, offsetMinutesAt } from './time-zone';
export { Utilities, DigestAlgorithm, Charset, MAX_SLEEP_MS } from './utilities';
// issue 15: channel capture
export {
  UrlFetchApp,
  HTTPResponse,
  URL_FETCH_QUOTA_CONSUMER,
  URL_FETCH_QUOTA_WORKSPACE,
  URL_FETCH_QUOTA_MESSAGE,
} from './url-fetch';
export type { FetchRequest, FakeResponse, FakeHost } from './url-fetch';
