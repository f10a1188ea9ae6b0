// Lints code snippets as if they were files of the tree, with the project's own eslint.config.mjs,
// and prints ESLint's messages as JSON. Run as a child process by architecture.test.ts: ESLint
// loads its flat config with import(), which jest's CommonJS module registry does not support.
//
// Input (stdin): [{ "filePath": "src/core/x.ts", "code": "..." }, ...]
// Output (stdout): [{ "filePath": ..., "messages": [{ "ruleId", "message", "line" }] }, ...]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const snippets = JSON.parse(readFileSync(0, 'utf8'));
// The snippets are not files on disk, so the TypeScript project service cannot type them: the
// type-aware rules are switched off here. The architecture rules are syntactic and stay as configured.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: join(root, 'eslint.config.mjs'),
  overrideConfig: [
    { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked },
    { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false, project: null } } },
  ],
});
const out = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  out.push({
    filePath,
    messages: (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line })),
  });
}
process.stdout.write(JSON.stringify(out));
