// Reads a V8 .cpuprofile (node --cpu-prof) and ranks where the time went: by function (self time) and by area.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: HotSpot[];
  areas: HotSpot[];
}

/** The part of the code a function belongs to: a package, a folder of ours, Node itself, or V8's own bins. */
export function areaOf(frame: CallFrame, root: string): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node internals';
  if (url.startsWith(root)) {
    const rel = url.slice(root.length).replace(/^\//, '').split('/');
    return rel.length > 2 ? `${rel[0]}/${rel[1]}/` : rel.join('/');
  }
  return url;
}

function where(frame: CallFrame, root: string): string {
  const url = frame.url.replace(/^file:\/\//, '');
  const name = frame.functionName || '(anonymous)';
  if (!url) return name;
  const nm = url.lastIndexOf('/node_modules/');
  const short = nm >= 0 ? url.slice(nm + '/node_modules/'.length) : url.replace(root.replace(/\/?$/, '/'), '');
  return `${name} ${short}:${frame.lineNumber + 1}`;
}

/** Self time per function and per area, largest first; a sample's time is the gap to the next sample. */
export function summariseProfile(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = frames.get(profile.samples[i]);
    if (!frame) continue;
    total += us;
    const fn = where(frame, root);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const area = areaOf(frame, root);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10, share: total ? Math.round((1000 * us) / total) / 10 : 0 }));
  return { totalMs: Math.round(total / 1000), functions: rank(byFunction), areas: rank(byArea) };
}
