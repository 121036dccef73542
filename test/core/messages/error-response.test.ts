import { describe, expect, it, vi } from 'vitest';
import type { ScimType } from '../../../src/core/errors.js';
import { badRequest, ScimError } from '../../../src/core/errors.js';
import {
  INTERNAL_ERROR_DETAIL,
  renderError,
  renderErrorEnvelope,
} from '../../../src/core/messages/error-response.js';
import type { ScimLogger } from '../../../src/core/messages/logger.js';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const CONTENT_TYPE = 'application/scim+json; charset=utf-8';

function recordingLogger() {
  return { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() } satisfies ScimLogger;
}

describe('renderError with a ScimError (RFC 7644 §3.12)', () => {
  it('renders status as a string, scimType and detail', () => {
    const response = renderError(
      badRequest('invalidFilter', 'filter: unknown attribute "foo"'),
      recordingLogger(),
    );
    expect(response.status).toBe(400);
    expect(response.headers).toEqual({ 'Content-Type': CONTENT_TYPE });
    expect(JSON.parse(response.body ?? '')).toEqual({
      schemas: [ERROR],
      status: '400',
      scimType: 'invalidFilter',
      detail: 'filter: unknown attribute "foo"',
    });
  });

  it('leaves scimType out when the error has none', () => {
    const response = renderError(
      new ScimError({ status: 404, detail: 'User "x" not found' }),
      recordingLogger(),
    );
    expect(JSON.parse(response.body ?? '')).toEqual({
      schemas: [ERROR],
      status: '404',
      detail: 'User "x" not found',
    });
    expect(response.body).not.toContain('scimType');
  });

  it('keeps the error headers and adds Content-Type', () => {
    const error = new ScimError({
      status: 401,
      detail: 'Authentication required',
      headers: { 'WWW-Authenticate': 'Bearer realm="scim"' },
    });
    expect(renderError(error, recordingLogger()).headers).toEqual({
      'WWW-Authenticate': 'Bearer realm="scim"',
      'Content-Type': CONTENT_TYPE,
    });
  });

  it('replaces a Content-Type the error carried, in any case', () => {
    const error = new ScimError({
      status: 405,
      detail: 'no',
      headers: { 'content-type': 'text/html', Allow: 'GET' },
    });
    expect(renderError(error, recordingLogger()).headers).toEqual({
      Allow: 'GET',
      'Content-Type': CONTENT_TYPE,
    });
  });

  it('renders 409 uniqueness', () => {
    const error = new ScimError({
      status: 409,
      scimType: 'uniqueness',
      detail: 'userName "bjensen" is taken',
    });
    const logger = recordingLogger();
    const response = renderError(error, logger);
    expect(response.status).toBe(409);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reports a client error to debug, not to error', () => {
    const logger = recordingLogger();
    renderError(badRequest('invalidValue', 'x'), logger);
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalledTimes(1);
  });

  it('reports a 501 (a feature the host turned off) to debug, not to error', () => {
    const logger = recordingLogger();
    const response = renderError(
      new ScimError({ status: 501, detail: 'changing passwords is not supported' }),
      logger,
    );
    expect(response.status).toBe(501);
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalledTimes(1);
  });

  it('works with a logger without debug', () => {
    const logger: ScimLogger = { error: vi.fn(), warn: vi.fn() };
    expect(renderError(badRequest('invalidValue', 'x'), logger).status).toBe(400);
  });

  it('logs a 5xx ScimError with its cause, and sends only its detail', () => {
    const cause = new Error('connection refused');
    const logger = recordingLogger();
    const response = renderError(new ScimError({ status: 503, detail: 'Store unavailable', cause }), logger);
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body ?? '')).toEqual({
      schemas: [ERROR],
      status: '503',
      detail: 'Store unavailable',
    });
    expect(logger.error).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ cause }));
    expect(response.body).not.toContain('connection refused');
  });

  it('warns, and still renders, when status and scimType do not go together', () => {
    const logger = recordingLogger();
    const response = renderError(
      new ScimError({ status: 400, scimType: 'uniqueness', detail: 'taken' }),
      logger,
    );
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ scimType: 'uniqueness' });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('uniqueness'),
      expect.objectContaining({ status: 400 }),
    );
  });

  it('warns on a scimType that is not a keyword', () => {
    const logger = recordingLogger();
    renderError(new ScimError({ status: 400, scimType: 'madeUp' as ScimType, detail: 'x' }), logger);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it.each([200, 302, 600, 99])('answers a ScimError with status %i with 500 and a warning', (status) => {
    const logger = recordingLogger();
    const response = renderError(new ScimError({ status, detail: 'odd' }), logger);
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ status: '500' });
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('recognises a ScimError from another copy of scimkit by its brand', () => {
    const foreign = Object.assign(new Error('from a bundled copy'), {
      [Symbol.for('scimkit.ScimError')]: true,
      status: 409,
      scimType: 'uniqueness',
      headers: {},
    });
    const response = renderError(foreign, recordingLogger());
    expect(response.status).toBe(409);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ detail: 'from a bundled copy' });
  });
});

describe('renderError with anything else', () => {
  it('answers 500 with a fixed detail and no stack', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'id')");
    const logger = recordingLogger();
    const response = renderError(error, logger);
    expect(response.status).toBe(500);
    expect(response.headers).toEqual({ 'Content-Type': CONTENT_TYPE });
    expect(JSON.parse(response.body ?? '')).toEqual({
      schemas: [ERROR],
      status: '500',
      detail: INTERNAL_ERROR_DETAIL,
    });
    expect(response.body).not.toContain('Cannot read');
    expect(response.body).not.toContain('at ');
  });

  it('gives the thrown value and its stack to logger.error', () => {
    const error = new Error('database exploded');
    const logger = recordingLogger();
    renderError(error, logger);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(expect.any(String), { error, stack: error.stack });
  });

  it.each([['a string'], [undefined], [null], [42], [{ status: 400, detail: 'looks like one' }]])(
    'answers 500 for %j',
    (thrown) => {
      const logger = recordingLogger();
      const response = renderError(thrown, logger);
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body ?? '')).toMatchObject({ detail: INTERNAL_ERROR_DETAIL });
      expect(logger.error).toHaveBeenCalledWith(
        expect.any(String),
        expect.objectContaining({ error: thrown }),
      );
    },
  );
});

describe('renderErrorEnvelope', () => {
  it('returns the envelope unserialised, for the bulk response', () => {
    expect(
      renderErrorEnvelope(badRequest('noTarget', 'members[value eq "x"]: no match'), recordingLogger()),
    ).toEqual({
      status: 400,
      headers: { 'Content-Type': CONTENT_TYPE },
      envelope: {
        schemas: [ERROR],
        status: '400',
        scimType: 'noTarget',
        detail: 'members[value eq "x"]: no match',
      },
    });
  });
});
