/**
 * The call ledger: every service call the bundle makes, counted per run (one trigger execution,
 * menu action or direct call) as `Service.method`, with an estimate of the run's Apps Script
 * time from the cost model below.
 *
 * Cost model (milliseconds, rough but documented, so that estimates can be compared run to run):
 * a call that crosses to a Google backend costs far more than local work. Published measurements
 * of Apps Script (Google's "Best practices" page: batch reads/writes because each call is a
 * round trip; community benchmarks put a Sheets read/write round trip at tens of milliseconds
 * and a sent email at a few hundred) give these classes:
 *   - spreadsheet read  (getValues, getDisplayValues, getFormulas, getNotes, …):  40 ms + 0.002 ms per cell
 *   - spreadsheet write (setValues, setNotes, setNumberFormats, insertRows, …):   60 ms + 0.004 ms per cell
 *   - flush: 100 ms; opening a spreadsheet or form by id: 300 ms
 *   - structure/metadata (getSheetByName, getLastRow, protections, validation): 20 ms
 *   - MailApp.sendEmail: 250 ms; getRemainingDailyQuota: 20 ms
 *   - FormApp item edits: 80 ms; ScriptApp trigger list/create/delete: 100 ms
 *   - Properties/Cache/Lock: 10 ms; CalendarApp reads: 200 ms
 *   - UrlFetchApp.fetch: 300 ms (a round trip to an outside API); fetchAll: 300 ms for the batch
 *     (its requests run in parallel) + 20 ms per request (issue 15)
 *   - anything else (builders, Utilities, Logger, Session, plain getters on objects already
 *     fetched): 1 ms
 * The limit to compare with is 6 minutes (360,000 ms) per execution.
 */
export interface CallRecord {
  name: string;
  count: number;
  cells: number;
  estimatedMs: number;
}

export interface RunRecord {
  id: number;
  label: string;
  kind: string;
  startedAt: string;
  calls: Record<string, number>;
  totalCalls: number;
  estimatedMs: number;
  error?: string;
}

const READ = /^Range\.(getValues|getDisplayValues|getFormulas|getNotes|getValue|getDisplayValue|getFormula|getNote|getBackgrounds|getNumberFormats|getDataValidations|getRichTextValues)$/;
const WRITE = /^(Range\.(set[A-Z]\w*|clear\w*|insertCheckboxes|deleteCells|insertCells|protect)|Sheet\.(insert|delete|append|set|clear|hide|show|sort|autoResize)\w*)$/;
const OPEN = /^(SpreadsheetApp\.(openById|openByUrl)|FormApp\.(openById|openByUrl|create)|SpreadsheetApp\.create)$/;

export function estimateCallMs(name: string, cells = 0): number {
  if (READ.test(name)) return 40 + 0.002 * cells;
  if (name === 'Sheet.appendRow') return 60;
  if (WRITE.test(name)) return 60 + 0.004 * cells;
  if (name === 'SpreadsheetApp.flush') return 100;
  if (OPEN.test(name)) return 300;
  if (name === 'MailApp.sendEmail') return 250;
  if (/^(Form|\w+Item)\.(add|set|delete|move)\w*/.test(name)) return 80;
  if (/^(ScriptApp\.(getProjectTriggers|deleteTrigger|getUserTriggers)|\w*TriggerBuilder\.create)$/.test(name)) return 100;
  if (/^(Properties|Cache|Lock)\./.test(name)) return 10;
  if (/^(CalendarApp|Calendar)\./.test(name)) return 200;
  if (name === 'UrlFetchApp.fetch' || name === 'UrlFetchApp.fetchAll') return 300; // issue 15
  if (name === 'UrlFetchApp.fetchAll[request]') return 20; // issue 15
  if (/^(Spreadsheet|Sheet|Range|Protection)\.(get|is)\w*/.test(name)) return 20;
  if (/^Spreadsheet\.\w+/.test(name) || /^Sheet\.\w+/.test(name)) return 20;
  return 1;
}

export class CallLedger {
  readonly runs: RunRecord[] = [];
  private current: RunRecord | null = null;
  private nextId = 1;

  begin(label: string, kind: string, at: Date): RunRecord {
    const run: RunRecord = { id: this.nextId++, label, kind, startedAt: at.toISOString(), calls: {}, totalCalls: 0, estimatedMs: 0 };
    this.runs.push(run);
    this.current = run;
    return run;
  }

  end(error?: unknown): RunRecord | null {
    const run = this.current;
    if (run && error !== undefined) run.error = String((error as Error)?.message ?? error);
    if (run) run.estimatedMs = Math.round(run.estimatedMs);
    this.current = null;
    return run;
  }

  get active(): RunRecord | null {
    return this.current;
  }

  /** Records one call; calls made outside a run (tests poking the runtime) are not counted. */
  record(name: string, cells = 0): void {
    const run = this.current;
    if (!run) return;
    run.calls[name] = (run.calls[name] ?? 0) + 1;
    run.totalCalls++;
    run.estimatedMs += estimateCallMs(name, cells);
  }

  last(): RunRecord | undefined {
    return this.runs[this.runs.length - 1];
  }
}
