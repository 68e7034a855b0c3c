// What a driver's error means for the answer: table-driven over the errors pg, Node's sockets and
// better-sqlite3 raise (the integration suites raise the common ones for real).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseFailure } from '../../src/db/failures.ts';
import { toEnvelope } from '../../src/web/plugins/errors.ts';

const err = (code: string | undefined, message = 'x') => Object.assign(new Error(message), code ? { code } : {});

test('database errors map to 503 (unavailable) or 507 (full); others stay plain failures', () => {
  const cases: [unknown, number][] = [
    [err('57P01', 'terminating connection due to administrator command'), 503],
    [err('57014', 'canceling statement due to statement timeout'), 503],
    [err('08006'), 503],
    [err('53300', 'sorry, too many clients already'), 503],
    [err('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 503],
    [err(undefined, 'Connection terminated unexpectedly'), 503],
    [err(undefined, 'Query read timeout'), 503],
    [err(undefined, 'timeout exceeded when trying to connect'), 503],
    [err('SQLITE_BUSY'), 503],
    [err('SQLITE_BUSY_SNAPSHOT'), 503],
    [err('53100', 'could not extend file: No space left on device'), 507],
    [err('SQLITE_FULL', 'database or disk is full'), 507],
    [err('ENOSPC', 'no space left on device'), 507],
    [new Error('wrapped', { cause: err('ECONNRESET') }), 503],
    [err('23505', 'duplicate key value'), 500],
    [err('SQLITE_CONSTRAINT_UNIQUE'), 500],
    [new TypeError('x is undefined'), 500],
  ];
  for (const [error, status] of cases) {
    const answer = toEnvelope(error);
    assert.equal(answer.status, status, (error as Error).message);
    if (status === 503) {
      assert.equal(answer.headers?.['retry-after'], '5');
      assert.equal(answer.body.error.code, 'UNAVAILABLE');
    }
    if (status === 507) assert.equal(answer.body.error.code, 'STORAGE_FULL');
    assert.ok(!JSON.stringify(answer.body).includes((error as Error).message) || status < 500, 'no driver text reaches the client');
  }
  assert.equal(databaseFailure(null), null);
  assert.equal(databaseFailure('a string'), null);
});

test("busboy's malformed multipart errors are a 400", () => {
  for (const message of [
    'Multipart: Boundary not found',
    'Unexpected end of multipart data',
    'Part terminated early due to unexpected end of multipart data',
  ]) {
    const answer = toEnvelope(new Error(message));
    assert.equal(answer.status, 400, message);
    assert.equal(answer.body.error.code, 'BAD_MULTIPART');
  }
});
