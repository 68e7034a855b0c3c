// The layers of docs/architecture.md, enforced in `npm run lint` (depcruise src). Each rule names
// the folders it constrains; type-only imports (`import type`) are allowed across layers where the
// rule says so, since they leave no trace at run time.
//   web, cli → services → store → db        content, script, editions: pure (no I/O layer below them)
//   newsroom-ui → contracts, content, editions and its own files only
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes load order matter and the modules impossible to understand apart (a cycle only through type imports costs neither).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'web-cli-not-to-store-db',
      severity: 'error',
      comment: 'HTTP and the command line call services; the SQL and the connections are theirs (types only here).',
      from: { path: '^src/(web|cli)/' },
      to: { path: '^src/(store|db)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'services-not-up',
      severity: 'error',
      comment: 'Services never know HTTP or the command line: web and cli call them, not the reverse.',
      from: { path: '^src/services/' },
      to: { path: '^src/(web|cli|app\\.ts|main\\.ts)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-only-down',
      severity: 'error',
      comment: 'Stores run SQL: they import db and the pure modules, never a service, HTTP or cache.',
      from: { path: '^src/store/' },
      to: { path: '^src/(services|web|cli|cache|jobs|app\\.ts|main\\.ts)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'db-at-the-bottom',
      severity: 'error',
      comment: 'Connections, table types and frozen migrations import nothing of the app above them.',
      from: { path: '^src/db/' },
      to: { path: '^src/(store|services|web|cli|cache|jobs|app\\.ts|main\\.ts)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-modules-stay-pure',
      severity: 'error',
      comment: 'content, script and editions are pure rules: no database, no services, no HTTP.',
      from: { path: '^src/(content|script|editions)/' },
      to: { path: '^src/(?!content/|script/|editions/)' },
    },
    {
      name: 'newsroom-ui-only-contracts',
      severity: 'error',
      comment: 'The newsroom web app runs in the browser: it sees the server only through the contracts and the content types.',
      from: { path: '^src/newsroom-ui/' },
      to: { path: '^src/(?!newsroom-ui/|contracts/|content/|editions/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/demo/content/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
