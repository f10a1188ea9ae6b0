/**
 * The service modules of this folder (emulator/registry.ts lists them): SpreadsheetApp with its
 * document Ui, Charts (enums and the options of embedded charts) and HtmlService.
 */
import type { CostRule, ServiceContext, ServiceModule } from '../service-module';
import { ChartsService } from './charts';
import { HtmlServiceService } from './html';
import { SpreadsheetAppService } from './spreadsheet-app';

/** Calls that change the grid or the document: queued in Apps Script's write cache. */
const WRITE =
  /^(Range\.(set[A-Z]\w*|clear\w*|insertCheckboxes|removeCheckboxes|deleteCells|insertCells|protect|copyTo|sort|trimWhitespace)|Sheet\.(insert|delete|append|set|clear|hide|show|sort|autoResize|protect|removeChart|updateChart)\w*|Spreadsheet\.(insertSheet|deleteSheet|setNamedRange|removeNamedRange|setSpreadsheetTimeZone|rename)\w*|Protection\.(set|add|remove)\w*|TextFinder\.replace\w*)$/;
/** Reads of the grid: each commits queued writes first. */
const READ =
  /^(Range\.(getValues?|getDisplayValues?|getFormulas?|getNotes?|getBackgrounds?|getNumberFormats?|getDataValidations?|getRichTextValues?|getFontWeights?|getFontColors?|getHorizontalAlignments?)|Sheet\.(getLastRow|getLastColumn|getDataRange|getSheetValues)|TextFinder\.(findNext|findPrevious|findAll))$/;

const SPREADSHEET_COSTS: CostRule[] = [
  { match: READ, ms: 40, perCell: 0.002, batch: 'commit', source: 'bestPractices' },
  { match: /^Sheet\.appendRow$/, ms: 30, batch: 'write', source: 'mogsdad' },
  { match: WRITE, ms: 30, perCell: 0.004, batch: 'write', source: 'mogsdad' },
  { match: /^SpreadsheetApp\.flush$/, ms: 30, batch: 'commit', source: 'mogsdad' },
  { match: /^SpreadsheetApp\.(openById|openByUrl|create)$/, ms: 300, source: 'assumption' },
  { match: /^(Spreadsheet|Sheet|Range|Protection|NamedRange)\.(get|is)\w*$/, ms: 20, source: 'assumption' },
  { match: /^(Spreadsheet|Sheet)\.\w+$/, ms: 20, source: 'assumption' },
];

function spreadsheetSamples(ctx: ServiceContext) {
  const app = new SpreadsheetAppService(ctx.env);
  const ss = app._create('x');
  const sheet = ss.getSheets()[0];
  const range = sheet.getRange('A1:B2');
  ss.setNamedRange('nama', range);
  const chartBuilder = sheet.newChart().addRange(range);
  const saved = ctx.env.execution;
  ctx.env.execution = ctx.env.newExecution('menu', ctx.env.owner, true);
  const ui = app.getUi();
  const prompt = ui.prompt('p');
  ctx.env.execution = saved;
  const rule = app.newConditionalFormatRule().whenCellEmpty().build();
  return [
    app,
    ss,
    sheet,
    range,
    range.protect(),
    ss.getNamedRanges()[0],
    app.newDataValidation(),
    app.newDataValidation().requireCheckbox().build(),
    app.newConditionalFormatRule(),
    rule,
    rule.getBooleanCondition()!,
    chartBuilder,
    sheet.newChart().asColumnChart(),
    sheet.newChart().asBarChart(),
    sheet.newChart().asAreaChart(),
    sheet.newChart().asLineChart(),
    sheet.newChart().asPieChart(),
    sheet.newChart().asTableChart(),
    chartBuilder.build(),
    chartBuilder.getContainer(),
    chartBuilder.build().getOptions(),
    ui,
    ui.createMenu('m'),
    prompt,
    ss.getOwner(),
    range.createTextFinder('x'),
  ];
}

export const SPREADSHEET_SERVICE: ServiceModule = {
  global: 'SpreadsheetApp',
  messagePrefix: 'SpreadsheetApp',
  namespaces: ['Spreadsheet'],
  classes: ['Base.Ui', 'Base.Menu', 'Base.PromptResponse'],
  create: (ctx) => new SpreadsheetAppService(ctx.env),
  samples: spreadsheetSamples,
  notApplicable: {
    DataSource: 'BigQuery / Looker data sources: no connected data in a local runtime',
    DataSourceSheet: 'BigQuery / Looker data sources',
    DataSourceTable: 'BigQuery / Looker data sources',
    DataSourcePivotTable: 'BigQuery / Looker data sources',
    DataSourceFormula: 'BigQuery / Looker data sources',
    DataSourceChart: 'BigQuery / Looker data sources',
    'SpreadsheetApp.enableBigQueryExecution': 'BigQuery data sources',
    'SpreadsheetApp.enableAllDataSourcesExecution': 'BigQuery / Looker data sources',
    'SpreadsheetApp.open': 'takes a Drive File; DriveApp is not emulated',
  },
  costs: SPREADSHEET_COSTS,
};

export const CHARTS_SERVICE: ServiceModule = {
  global: 'Charts',
  messagePrefix: 'Charts',
  namespaces: ['Charts'],
  create: (ctx) => new ChartsService(ctx.env),
  samples: (ctx) => {
    const app = new SpreadsheetAppService(ctx.env);
    const sheet = app._create('c').getSheets()[0];
    return [new ChartsService(ctx.env), sheet.newChart().addRange(sheet.getRange('A1')).build().getOptions()];
  },
  costs: [],
};

export const HTML_SERVICE: ServiceModule = {
  global: 'HtmlService',
  messagePrefix: 'HtmlService',
  namespaces: ['HTML'],
  create: (ctx) => new HtmlServiceService(ctx.env),
  samples: (ctx) => [new HtmlServiceService(ctx.env), new HtmlServiceService(ctx.env).createHtmlOutput()],
  costs: [],
};
