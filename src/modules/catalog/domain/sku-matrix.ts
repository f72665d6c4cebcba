import type { SpecDef } from '../catalog.tables.js';

export const MAX_SPECS = 3;
export const MAX_SPEC_VALUES = 50;
export const MAX_COMBINATIONS = 400;

/** Why a spec list is unusable, or null. */
export function specsProblem(specs: SpecDef[]): string | null {
  if (specs.length > MAX_SPECS) return `at most ${MAX_SPECS} specs`;
  const names = specs.map((s) => s.name.trim());
  if (names.some((n) => !n)) return 'a spec needs a name';
  if (new Set(names).size !== names.length) return 'spec names must differ';
  for (const s of specs) {
    if (!s.values.length) return `spec ${s.name} needs at least one value`;
    if (s.values.length > MAX_SPEC_VALUES) return `spec ${s.name}: at most ${MAX_SPEC_VALUES} values`;
    if (new Set(s.values).size !== s.values.length) return `spec ${s.name}: values must differ`;
  }
  if (combinationCount(specs) > MAX_COMBINATIONS) return `at most ${MAX_COMBINATIONS} combinations`;
  return null;
}

export const combinationCount = (specs: SpecDef[]) => specs.reduce((n, s) => n * s.values.length, 1);

/** Every combination of spec values (颜色 × 容量), in spec order; one empty combination when there are no specs. */
export function specCombinations(specs: SpecDef[]): string[][] {
  return specs.reduce<string[][]>((acc, spec) => acc.flatMap((combo) => spec.values.map((v) => [...combo, v])), [[]]);
}

/** Whether `values` is one of the combinations of `specs`. */
export const isCombination = (specs: SpecDef[], values: string[]) =>
  values.length === specs.length && specs.every((s, i) => s.values.includes(values[i]));
