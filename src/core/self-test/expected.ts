/**
 * The self-test's fixed inputs and expectations: what is written, and what Google documents
 * should come back. Shared by the probes (src/gas/self-test-probes.ts), the judgements
 * (checks.ts) and the `Diharapkan` column, so the three cannot drift apart.
 */
export const ZONE = 'Asia/Jakarta';
export const ZONE_OFFSET = '+07:00';

/** 2026-03-16 01:30 UTC = 08:30 WIB: the instant the zone checks convert. */
export const PROBE_INSTANT_MS = Date.UTC(2026, 2, 16, 1, 30, 0);
export const PROBE_WALL = '2026-03-16 08:30';
export const PROBE_ISO_WIB = '2026-03-16T08:30:00.000+07:00';
export const PROBE_ISO_MINUTES = '2026-03-16T08:30+07:00';
/** What a user (or Forms) types into a cell: a wall-clock date-time without zone. */
export const TYPED_WALL = '2026-03-16 08:30:00';

export const NUMBER_PROBE = 42.5;
export const BOOLEAN_PROBE = true;

/** The chunk size of ScriptState (src/gas/state.ts) and the documented 9 KB per value. */
export const PROPERTY_CHUNK_CHARS = 8000;
export const PROPERTY_OVERSIZE_CHARS = 9 * 1024 + 1;
export const PROPERTY_PROBE_KEY = 'selfTest.probe';
export const PROPERTY_TIMED_WRITES = 5;

export const CACHE_KEY_CHARS = 250;
export const CACHE_VALUE_CHARS = 90000;
export const CACHE_EXPIRATION_S = 21600;

/**
 * The cost model the system plans with (calibrated to published measurements, DESIGN §11:
 * a Properties write ~60 ms, a flush after writes ~0.5 s) and how much slower the account may
 * be before the plans (setup phases, lock hold times) are too optimistic: twice the model.
 */
export const MODEL_MS = { propertiesWrite: 60, flushAfterWrite: 500 } as const;
export const SLOWER_THAN_MODEL_FACTOR = 2;

export const LOCK_CONTENTION_TIMEOUT_MS = 2000;
export const LOCK_ACQUIRE_TIMEOUT_MS = 10000;

/** Google's public holiday calendars for Indonesia: Indonesian- and English-language accounts. */
export const HOLIDAY_CALENDAR_IDS = [
  'id.indonesian#holiday@group.v.calendar.google.com',
  'en.indonesian#holiday@group.v.calendar.google.com',
] as const;
/** An id no account subscribes to (the documented null answer). */
export const UNSUBSCRIBED_CALENDAR_ID = 'xx.tidakada#holiday@group.v.calendar.google.com';

/** Consumer accounts: the edit event's user is blank for other people (Google's restrictions). */
export const CONSUMER_DOMAINS = ['gmail.com', 'googlemail.com'];

export const HTML_SIZE = { width: 480, height: 320 } as const;

/** A harmless entry point for the one-off trigger the trigger check installs and deletes. */
export const PROBE_TRIGGER_HANDLER = 'about';
export const PROBE_TRIGGER_AFTER_MS = 24 * 3600 * 1000;
