// Maps a request target to a file inside the served output folder, refusing anything that could leave it.
import { realpath } from 'node:fs/promises';
import path from 'node:path';

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Decodes the path of a raw request target (no normalisation is trusted: `fetch` and browsers
 * collapse `..`, raw clients do not) and refuses traversal in every spelling: `..` segments
 * before or after decoding, encoded slashes and backslashes, double encoding, NUL bytes.
 */
export function requestPath(rawTarget: string): { ok: true; path: string } | { ok: false; status: 400 | 403 } {
  if (!rawTarget.startsWith('/')) return { ok: false, status: 400 };
  const raw = rawTarget.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  // A `%` left after one decoding is double encoding (`%252e`): no file we serve has one in its name.
  if (/[\\\0%]/.test(decoded) || /[\\\0]/.test(raw)) return { ok: false, status: 403 };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  return { ok: true, path: decoded };
}

/** The file inside `root` for a decoded request path; symbolic links that lead out are refused too. */
export async function resolveInside(root: string, requestPathname: string): Promise<Resolved> {
  const base = path.resolve(root);
  const candidate = path.resolve(base, '.' + requestPathname);
  if (!isInside(base, candidate)) return { ok: false, status: 403 };
  let real: string;
  let realBase: string;
  try {
    [real, realBase] = await Promise.all([realpath(candidate), realpath(base)]);
  } catch {
    return { ok: false, status: 404 };
  }
  if (!isInside(realBase, real)) return { ok: false, status: 403 };
  return { ok: true, file: real };
}

export function isInside(base: string, candidate: string): boolean {
  const rel = path.relative(base, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel);
}
