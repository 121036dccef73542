import type { HandlerResult } from '../http/response.js';
import type { Route } from '../http/routes.js';
import type { HttpMethod } from '../http/types.js';
import { runBulk } from './bulk.js';
import { createResource } from './create.js';
import { deleteResource } from './delete.js';
import { getResourceTypes, getSchemas, getServiceProviderConfig } from './discovery.js';
import { getResource } from './get.js';
import { listResources } from './list.js';
import { resolveMe } from './me.js';
import { patchResource } from './patch.js';
import { replaceResource } from './replace.js';
import { type HandlerRequest, runtimeOf, type TypeRuntime } from './runtime.js';
import { searchResources } from './search.js';
import { notImplemented } from './shared.js';

/**
 * Runs the operation a route and method name: the one place that maps endpoints to handlers,
 * used for direct requests and for each operation of a `/Bulk` request alike. The method has
 * been checked against the route (405) by the caller.
 */
export async function dispatch(
  request: HandlerRequest,
  route: Route,
  method: HttpMethod,
): Promise<HandlerResult> {
  switch (route.kind) {
    case 'collection': {
      const runtime = runtimeOf(request.state, route.schema);
      return method === 'POST' ? createResource(request, runtime) : listResources(request, runtime);
    }
    case 'resource':
      return onResource(request, runtimeOf(request.state, route.schema), route.id, method);
    case 'me': {
      const { runtime, id } = await resolveMe(request, method);
      return onResource(request, runtime, id, method);
    }
    case 'search':
      return searchResources(
        request,
        route.schema === undefined ? undefined : runtimeOf(request.state, route.schema),
      );
    case 'bulk':
      if (!request.state.config.features.bulk) throw notImplemented('/Bulk is not supported by this service');
      return runBulk(request, dispatch);
    case 'serviceProviderConfig':
      return getServiceProviderConfig(request);
    case 'resourceTypes':
      return getResourceTypes(request, route.id);
    case 'schemas':
      return getSchemas(request, route.id);
  }
}

function onResource(
  request: HandlerRequest,
  runtime: TypeRuntime,
  id: string,
  method: HttpMethod,
): Promise<HandlerResult> {
  switch (method) {
    case 'PUT':
      return replaceResource(request, runtime, id);
    case 'PATCH':
      return patchResource(request, runtime, id);
    case 'DELETE':
      return deleteResource(request, runtime, id);
    default:
      return getResource(request, runtime, id);
  }
}
