/**
 * Every member the emulation exposes to scripts exists on the real Apps Script class, as declared
 * by @types/google-apps-script: code that runs on the emulator cannot call a method Google does
 * not have (the reverse — a real method we lack — fails loudly with "not emulated: …").
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { GasEnv } from '../../emulator/env';
import { GasObject } from '../../emulator/gas-object';
import * as S from '../../emulator/spreadsheet';

const TYPES = path.join(__dirname, '../../node_modules/@types/google-apps-script');

/** Member names of every interface in the given declaration files, keyed "Namespace.Interface". */
function declaredMembers(files: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(TYPES, file), 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node, ns: string[]) => {
      if (ts.isModuleDeclaration(node)) {
        const name = node.name.getText(source);
        if (node.body) ts.forEachChild(node.body, (child) => visit(child, [...ns, name]));
        return;
      }
      if (ts.isInterfaceDeclaration(node)) {
        const key = `${ns[ns.length - 1]}.${node.name.text}`;
        const set = out.get(key) ?? new Set<string>();
        for (const m of node.members) if (m.name) set.add(m.name.getText(source));
        out.set(key, set);
      }
      ts.forEachChild(node, (child) => visit(child, ns));
    };
    visit(source, []);
  }
  return out;
}

/** What a script can see: public (non-underscore) members, own and inherited. */
function exposedMembers(obj: GasObject): string[] {
  const names = new Set<string>(Object.keys(obj));
  for (let proto = Object.getPrototypeOf(obj); proto && proto !== GasObject.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const n of Object.getOwnPropertyNames(proto)) names.add(n);
  }
  return [...names].filter((n) => !n.startsWith('_') && n !== 'constructor' && n !== 'toString').sort();
}

const declared = declaredMembers([
  'google-apps-script.spreadsheet.d.ts',
  'google-apps-script.base.d.ts',
  'google-apps-script.html.d.ts',
  'google-apps-script.charts.d.ts',
]);

function samples(): [string, GasObject][] {
  const env = new GasEnv();
  const app = new S.SpreadsheetAppService(env);
  const ss = app.create('x');
  const sheet = ss.getSheets()[0];
  const range = sheet.getRange('A1:B2');
  ss.setNamedRange('nama', range);
  const chartBuilder = sheet.newChart().addRange(range);
  env.execution = env.newExecution('menu', env.owner, true);
  const ui = app.getUi();
  return [
    ['Spreadsheet.SpreadsheetApp', app],
    ['Spreadsheet.Spreadsheet', ss],
    ['Spreadsheet.Sheet', sheet],
    ['Spreadsheet.Range', range],
    ['Spreadsheet.Protection', range.protect()],
    ['Spreadsheet.NamedRange', ss.getNamedRanges()[0]],
    ['Spreadsheet.DataValidationBuilder', app.newDataValidation()],
    ['Spreadsheet.DataValidation', app.newDataValidation().requireCheckbox().build()],
    ['Spreadsheet.ConditionalFormatRuleBuilder', app.newConditionalFormatRule()],
    ['Spreadsheet.ConditionalFormatRule', app.newConditionalFormatRule().whenCellEmpty().build()],
    ['Spreadsheet.BooleanCondition', app.newConditionalFormatRule().whenCellEmpty().build().getBooleanCondition()!],
    ['Spreadsheet.EmbeddedChartBuilder', chartBuilder],
    ['Spreadsheet.EmbeddedColumnChartBuilder', sheet.newChart().asColumnChart()],
    ['Spreadsheet.EmbeddedBarChartBuilder', sheet.newChart().asBarChart()],
    ['Spreadsheet.EmbeddedAreaChartBuilder', sheet.newChart().asAreaChart()],
    ['Spreadsheet.EmbeddedLineChartBuilder', sheet.newChart().asLineChart()],
    ['Spreadsheet.EmbeddedPieChartBuilder', sheet.newChart().asPieChart()],
    ['Spreadsheet.EmbeddedTableChartBuilder', sheet.newChart().asTableChart()],
    ['Spreadsheet.EmbeddedChart', chartBuilder.build()],
    ['Spreadsheet.ContainerInfo', chartBuilder.getContainer()],
    ['Charts.ChartOptions', chartBuilder.build().getOptions()],
    ['Charts.Charts', new S.Charts(env)],
    ['HTML.HtmlService', new S.HtmlService(env)],
    ['HTML.HtmlOutput', new S.HtmlService(env).createHtmlOutput()],
    ['Base.Ui', ui],
    ['Base.Menu', ui.createMenu('m')],
    ['Base.PromptResponse', ui.prompt('p')],
    ['Base.User', ss.getOwner()],
  ];
}

describe('emulated API surface matches @types/google-apps-script', () => {
  test.each(samples())('%s exposes only members the real class declares', (key, obj) => {
    const real = declared.get(key);
    expect(real).toBeDefined();
    const extra = exposedMembers(obj).filter((m) => !real!.has(m));
    expect(extra).toEqual([]);
  });

  test('every sample reports the Apps Script class name the ledger counts', () => {
    for (const [key, obj] of samples()) expect(obj._className).toBe(key.split('.')[1]);
  });
});
