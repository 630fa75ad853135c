import { Router, type RequestHandler } from 'express';

type Layer = { rawPath?: unknown; route?: unknown };

/** Any first segment: a router with a layer here may answer any path. */
const ANY = Symbol('any first segment');

/**
 * The first path segment a layer can match (lower case: Express matches paths case-insensitively),
 * or ANY for a parameter, a pattern, a regular expression or a path-less `use`.
 */
function firstSegments(rawPath: unknown): (string | typeof ANY)[] {
  if (Array.isArray(rawPath)) return rawPath.flatMap(firstSegments);
  if (typeof rawPath !== 'string') return [ANY];
  const segment = rawPath.split('/')[1] ?? '';
  return segment === '' || /[^A-Za-z0-9._~-]/.test(segment) ? [ANY] : [segment.toLowerCase()];
}

/**
 * The module routers behind one handler that hands a request only to the routers with a route (or
 * middleware) under the path's first segment, in their original order (so an earlier router still
 * wins: tip exports before tips). Express would otherwise try every route of every router in turn:
 * the leaderboards' router came 13th, after ~90 routes matched in vain (issue 14's profile).
 * `stack` lists the routers for whoever walks the app's routes (the OpenAPI test); it is not used
 * to dispatch.
 */
export function dispatchByFirstSegment(routers: Router[]): RequestHandler & { stack: { handle: Router }[] } {
  const segmentsOf = routers.map((r) => new Set((r.stack as Layer[]).flatMap((layer) => firstSegments(layer.rawPath))));
  const anywhere = routers.filter((_, i) => segmentsOf[i].has(ANY));
  const chain = (list: Router[]) => {
    const joined = Router();
    for (const r of list) joined.use(r);
    return joined;
  };
  const bySegment = new Map<string, Router>();
  for (const segment of new Set(segmentsOf.flatMap((s) => [...s].filter((x): x is string => x !== ANY)))) {
    bySegment.set(segment, chain(routers.filter((_, i) => segmentsOf[i].has(segment) || segmentsOf[i].has(ANY))));
  }
  const elsewhere = chain(anywhere);
  const dispatch: RequestHandler = (req, res, next) => {
    const path = req.path;
    const end = path.indexOf('/', 1);
    const segment = (end === -1 ? path.slice(1) : path.slice(1, end)).toLowerCase();
    (bySegment.get(segment) ?? elsewhere)(req, res, next);
  };
  return Object.assign(dispatch, { stack: routers.map((handle) => ({ handle })) });
}
