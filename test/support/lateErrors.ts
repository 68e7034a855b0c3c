// Imported for its effect. An error thrown (or a promise rejected) after the test that started it
// has ended fails the whole file with only 'test failed' and a one-line diagnostic far up the
// output. This prints the full stack to stderr when it happens, so the cause can be found.
const report = (kind: string) => (err: unknown) => {
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`# ${kind} in ${process.argv[1] ?? 'a test file'}: ${text}\n`);
};
process.on('uncaughtException', report('uncaught exception'));
process.on('unhandledRejection', report('unhandled rejection'));
