import {
  ERROR,
  INTERNAL_ERROR_DETAIL,
  SCIM_CONTENT_TYPE,
  type ScimHandler,
  type ScimRequest,
  type ScimResponse,
} from '../../index.js';

/**
 * Renders an RFC 7644 §3.12 Error envelope for the few answers an adapter gives itself: a body
 * that could not be read, a framework's own 404 or 413, or a core that failed to answer.
 */
export function renderFallbackError(status: number, detail: string): ScimResponse {
  return {
    status,
    headers: { 'Content-Type': SCIM_CONTENT_TYPE },
    body: JSON.stringify({ schemas: [ERROR], status: String(status), detail }),
  };
}

/**
 * Calls `handler.handle()` and answers a 500 Error envelope if it rejects or throws. The core
 * never rejects by contract; this keeps a broken handler from leaving a request hanging.
 * The error goes to `report` (a framework logger), never to the client.
 */
export async function handleSafely(
  handler: ScimHandler,
  request: ScimRequest,
  report?: (error: unknown) => void,
): Promise<ScimResponse> {
  try {
    return await handler.handle(request);
  } catch (error) {
    report?.(error);
    return renderFallbackError(500, INTERNAL_ERROR_DETAIL);
  }
}
