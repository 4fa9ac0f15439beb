import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byCode } from '../src/order.ts';

describe('byCode', () => {
  it('orders by code units, as no locale does (Lithuanian puts Y between I and J)', () => {
    expect(['CZE', 'CYP', 'CIS', 'BLR', '_T', 'ARE'].sort(byCode)).toEqual(['ARE', 'BLR', 'CIS', 'CYP', 'CZE', '_T']);
    expect(byCode('2023-09-01', '2023-09-01')).toBe(0);
    expect(byCode('2023-09-01', '2023-10-01')).toBe(-1);
  });

  it('is what src/ sorts by: no localeCompare, whose order follows the machine', () => {
    const src = fileURLToPath(new URL('../src/', import.meta.url));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const using = files.filter((f) => f !== 'order.ts' && readFileSync(join(src, f), 'utf8').includes('.localeCompare('));
    expect(using).toEqual([]);
  });
});
