/**
 * What a scenario sends: one request, a checker of its answer, and the generators the load runs
 * draw from.
 *
 * @module
 */
import { SCIM_JSON, TOKEN } from './fixtures.js';

/** The headers of every benchmark request. */
export const HEADERS = { authorization: `Bearer ${TOKEN}`, 'content-type': SCIM_JSON, accept: SCIM_JSON };

/** Checks a 2xx answer: returns what is wrong with it, or `undefined`. */
export type Expect = (status: number, body: string) => string | undefined;

/** One request of a scenario. */
export interface RequestSpec {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** The path and query, from the origin. */
  readonly path: string;
  /** The JSON body, if any. */
  readonly body?: string;
  /**
   * Checks a probe's answer (2xx already checked). A target that answers 200 with the wrong
   * content would otherwise report a bogus figure.
   */
  readonly expect?: Expect;
}

/** Makes the next request of a scenario (ids, names and values vary from one call to the next). */
export type NextRequest = () => RequestSpec;

/**
 * One request of a cycle each connection sends in order, one after the other: `context` is
 * shared by the requests of one pass on one connection (an add, then the remove of what it added).
 */
export type CycleStep = (context: Record<string, unknown>) => RequestSpec;

/** The requests of one scenario for one target. */
export interface ScenarioRequests {
  /** The next request. */
  readonly next: NextRequest;
  /**
   * How many requests the scenario may send in all (probes, warm-up and runs), when it consumes
   * something finite: a membership scenario stops after changing a quarter of the group, so the
   * group keeps its order of size while it is measured.
   */
  readonly capacity?: number;
  /** A warm-up that leaves the data as it found it (so it spends none of `capacity`). */
  readonly warmupCycle?: readonly CycleStep[];
}
