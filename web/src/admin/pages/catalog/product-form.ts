import { ApiError, isApiError } from '../../../shared/api/api-error';
import { fenToYuan, type ProductDetail, type ProductIn, type Spec, type StockPolicy, yuanToFen } from '../../api/catalog';
import type { CustomerType } from '../../../shared/api/types';

/** The editor's form values: money as yuan strings (parsed to fen on save), specs, SKUs with their unit tables. */
export interface UnitValues {
  name: string;
  conversion: number;
  listPrice: string;
  minQty: number;
  multiple: number;
  barcode?: string;
}

export interface SkuValues {
  specValues: string[];
  code: string;
  barcode?: string;
  baseUnit: string;
  cost?: string;
  weightGrams?: number;
  units: UnitValues[];
}

export interface ProductValues {
  name: string;
  subtitle?: string;
  categoryId?: string;
  brandId?: string;
  tagIds?: string[];
  onShelf: boolean;
  visibleTypes: CustomerType[];
  visibleLevelIds: string[];
  /** 缺货时: block (default), backorder or preorder */
  stockPolicy: StockPolicy;
  specs: Spec[];
  skus: SkuValues[];
  params: { name: string; value: string }[];
  descriptionHtml?: string;
  instructions?: string;
}

export const MAX_SPECS = 3;

export const emptyUnit = (name = ''): UnitValues => ({ name, conversion: 1, listPrice: '', minQty: 1, multiple: 1 });
export const emptySku = (specValues: string[] = []): SkuValues => ({ specValues, code: '', baseUnit: '', cost: '', weightGrams: 0, units: [emptyUnit()] });

export const NEW_PRODUCT: ProductValues = {
  name: '',
  onShelf: true,
  visibleTypes: [],
  visibleLevelIds: [],
  stockPolicy: 'block',
  specs: [],
  skus: [emptySku()],
  params: [],
  descriptionHtml: '',
  instructions: '',
};

export function toValues(p: ProductDetail): ProductValues {
  const skus = p.skus.filter((s) => s.enabled);
  return {
    name: p.name,
    subtitle: p.subtitle ?? undefined,
    categoryId: p.categoryId ?? undefined,
    brandId: p.brandId ?? undefined,
    tagIds: p.tagIds,
    onShelf: p.onShelf,
    visibleTypes: p.visibleTypes,
    visibleLevelIds: p.visibleLevelIds,
    stockPolicy: p.stockPolicy ?? 'block',
    specs: p.specs.map((s) => ({ name: s.name, values: [...s.values] })),
    params: p.params.map((x) => ({ ...x })),
    descriptionHtml: p.descriptionHtml,
    instructions: p.instructions,
    skus: (skus.length ? skus : []).map((s) => {
      const units = s.units.filter((u) => u.enabled || u.name === s.baseUnit);
      const base = units.find((u) => u.name === s.baseUnit) ?? units.find((u) => u.conversion === 1);
      const others = units.filter((u) => u !== base).sort((a, b) => a.conversion - b.conversion);
      return {
        specValues: [...s.specValues],
        code: s.code,
        barcode: s.barcode ?? undefined,
        baseUnit: s.baseUnit,
        cost: fenToYuan(s.costPriceFen),
        weightGrams: s.weightGrams,
        units: [...(base ? [base] : []), ...others].map((u) => ({
          name: u.name,
          conversion: u.conversion,
          listPrice: fenToYuan(u.listPriceFen),
          minQty: u.minQty,
          multiple: u.multiple,
          barcode: u.barcode ?? undefined,
        })),
      };
    }),
  };
}

const blankToNull = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

/** The request body; the first unit of each SKU is its base unit (conversion 1, named as `baseUnit`). */
export function toBody(v: ProductValues): ProductIn {
  return {
    name: v.name.trim(),
    subtitle: blankToNull(v.subtitle),
    categoryId: v.categoryId ?? null,
    brandId: v.brandId ?? null,
    tagIds: v.tagIds ?? [],
    onShelf: Boolean(v.onShelf),
    visibleTypes: v.visibleTypes ?? [],
    visibleLevelIds: v.visibleLevelIds ?? [],
    stockPolicy: v.stockPolicy ?? 'block',
    specs: (v.specs ?? []).map((s) => ({ name: s.name.trim(), values: (s.values ?? []).map((x) => x.trim()).filter(Boolean) })),
    params: (v.params ?? []).filter((p) => p && p.name?.trim()).map((p) => ({ name: p.name.trim(), value: (p.value ?? '').trim() })),
    descriptionHtml: v.descriptionHtml ?? '',
    instructions: v.instructions ?? '',
    skus: (v.skus ?? []).map((s) => ({
      specValues: s.specValues ?? [],
      code: (s.code ?? '').trim(),
      barcode: blankToNull(s.barcode),
      baseUnit: (s.baseUnit ?? '').trim(),
      costPriceFen: s.cost ? (yuanToFen(s.cost) ?? 0) : 0,
      weightGrams: s.weightGrams ?? 0,
      units: (s.units ?? []).map((u, i) => ({
        name: i === 0 ? (s.baseUnit ?? '').trim() : (u.name ?? '').trim(),
        conversion: i === 0 ? 1 : Number(u.conversion),
        barcode: blankToNull(u.barcode),
        listPriceFen: yuanToFen(u.listPrice) ?? 0,
        minQty: u.minQty ?? 1,
        multiple: u.multiple ?? 1,
      })),
    })),
  };
}

/** One row per combination of the spec values (the cartesian product), in spec order. */
export function combinations(specs: Spec[]): string[][] {
  const used = specs.filter((s) => s.name?.trim() && (s.values ?? []).length > 0);
  return used.reduce<string[][]>((acc, s) => acc.flatMap((prefix) => s.values.map((v) => [...prefix, v])), [[]]);
}

/** The SKU rows for the specs: rows already there (same values) are kept, new ones copy the first row's units. */
export function generateSkus(specs: Spec[], current: SkuValues[]): SkuValues[] {
  const combos = combinations(specs);
  const byKey = new Map(current.map((s) => [(s.specValues ?? []).join('\u0001'), s]));
  const template = current[0];
  return combos.map((values, i) => {
    const existing = byKey.get(values.join('\u0001'));
    if (existing) return existing;
    if (!template) return emptySku(values);
    return {
      specValues: values,
      code: template.code ? `${template.code.replace(/-\d+$/, '')}-${i + 1}` : '',
      baseUnit: template.baseUnit,
      cost: template.cost,
      weightGrams: template.weightGrams,
      units: (template.units ?? []).map((u) => ({ ...u, barcode: undefined })),
    };
  });
}

/** Server paths name fen fields; the form holds yuan in listPrice / cost. */
export function mapServerErrors(err: unknown): unknown {
  if (!isApiError(err) || err.errors.length === 0) return err;
  const errors = err.errors.map((e) => ({
    ...e,
    path: e.path.replace(/\.listPriceFen$/, '.listPrice').replace(/\.costPriceFen$/, '.cost').replace(/^(body\.skus\.\d+)\.units\.0\.name$/, '$1.baseUnit'),
  }));
  return new ApiError(err.status, err.code, err.detail, errors);
}
