// The marker before the one JSON line a bench/child.ts task prints; shared so parent and child agree.
export const RESULT_PREFIX = 'BENCH_RESULT ';
