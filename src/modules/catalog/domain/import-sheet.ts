/**
 * The product sheet (商品导入模板): one row per SKU per sell unit. Rows with the same product name form one
 * product, rows with the same SKU code one SKU. Pure: text in, product bodies and per-row errors out.
 */
export const COLUMNS = [
  { key: 'name', title: '商品名称', required: true },
  { key: 'subtitle', title: '副标题' },
  { key: 'category', title: '分类' },
  { key: 'brand', title: '品牌' },
  { key: 'specs', title: '规格' },
  { key: 'code', title: 'SKU编码', required: true },
  { key: 'barcode', title: 'SKU条码' },
  { key: 'baseUnit', title: '基本单位', required: true },
  { key: 'unit', title: '单位', required: true },
  { key: 'conversion', title: '换算', required: true },
  { key: 'unitBarcode', title: '单位条码' },
  { key: 'listPrice', title: '市场价', required: true },
  { key: 'costPrice', title: '成本价' },
  { key: 'minQty', title: '起订量' },
  { key: 'multiple', title: '倍数' },
  { key: 'weight', title: '重量(克)' },
  { key: 'onShelf', title: '上架' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** Extra columns named `等级价:<level name>` carry that level's price for the row's unit. */
export const LEVEL_PREFIX = '等级价:';

export interface SheetRow { row: number; values: Partial<Record<ColumnKey, string>>; levelPrices: Record<string, string> }
export interface RowError { row: number; column: string; message: string }
export interface ParsedUnit { name: string; conversion: number; barcode: string | null; listPriceFen: number; minQty: number; multiple: number; levelPricesFen: Record<string, number> }
export interface ParsedSku { code: string; barcode: string | null; specValues: string[]; baseUnit: string; costPriceFen: number; weightGrams: number; units: ParsedUnit[] }
export interface ParsedProduct { name: string; subtitle: string | null; category: string | null; brand: string | null; onShelf: boolean; specs: { name: string; values: string[] }[]; skus: ParsedSku[]; rows: number[] }

/** Yuan as typed by people ("12", "12.5", "1,299.00") to integer fen; null when it is not an amount with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/[,，\s¥￥]/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

function positiveInt(text: string | undefined, fallback: number): number | null {
  if (text === undefined || text === '') return fallback;
  return /^\d{1,7}$/.test(text) && Number(text) >= 1 ? Number(text) : null;
}

/** "颜色:黑色;容量:256G" → [['颜色','黑色'],['容量','256G']]; null when malformed. */
export function parseSpecs(text: string | undefined): [string, string][] | null {
  if (!text) return [];
  const parts = text.split(/[;；]/).map((p) => p.trim()).filter(Boolean);
  const pairs = parts.map((p) => p.split(/[:：]/).map((x) => x.trim()));
  return pairs.every((p) => p.length === 2 && p[0] && p[1]) ? (pairs as [string, string][]) : null;
}

export function parseSheet(rows: SheetRow[]): { products: ParsedProduct[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (row: number, column: string, message: string) => errors.push({ row, column, message });
  const byName = new Map<string, ParsedProduct>();
  const skuOwner = new Map<string, string>();

  for (const r of rows) {
    const v = r.values;
    const before = errors.length;
    for (const c of COLUMNS) if ('required' in c && c.required && !v[c.key]) err(r.row, c.title, '必填 / required');
    if (errors.length > before) continue;
    const conversion = positiveInt(v.conversion, 1);
    if (conversion === null) err(r.row, '换算', '换算必须是正整数 / conversion must be a whole number ≥ 1');
    const listPriceFen = yuanToFen(v.listPrice!);
    if (listPriceFen === null) err(r.row, '市场价', '金额最多两位小数，不能为负 / an amount with at most 2 decimals');
    const costPriceFen = v.costPrice ? yuanToFen(v.costPrice) : 0;
    if (costPriceFen === null) err(r.row, '成本价', '金额最多两位小数，不能为负 / an amount with at most 2 decimals');
    const minQty = positiveInt(v.minQty, 1);
    if (minQty === null) err(r.row, '起订量', '必须是正整数 / a whole number ≥ 1');
    const multiple = positiveInt(v.multiple, 1);
    if (multiple === null) err(r.row, '倍数', '必须是正整数 / a whole number ≥ 1');
    const weight = v.weight ? (/^\d{1,8}$/.test(v.weight) ? Number(v.weight) : null) : 0;
    if (weight === null) err(r.row, '重量(克)', '必须是整数克 / whole grams');
    const specs = parseSpecs(v.specs);
    if (specs === null) err(r.row, '规格', '格式：颜色:黑色;容量:256G / format: name:value;name:value');
    const levelPricesFen: Record<string, number> = {};
    for (const [level, text] of Object.entries(r.levelPrices)) {
      if (!text) continue;
      const fen = yuanToFen(text);
      if (fen === null) err(r.row, `${LEVEL_PREFIX}${level}`, '金额最多两位小数 / an amount with at most 2 decimals');
      else levelPricesFen[level] = fen;
    }
    const owner = skuOwner.get(v.code!);
    if (owner && owner !== v.name) err(r.row, 'SKU编码', `SKU编码已用于商品 ${owner} / code already used by ${owner}`);
    if (errors.length > before) continue;
    skuOwner.set(v.code!, v.name!);

    let product = byName.get(v.name!);
    if (!product) {
      product = { name: v.name!, subtitle: v.subtitle || null, category: v.category || null, brand: v.brand || null, onShelf: !/^(否|no|false|0|下架)$/i.test(v.onShelf ?? ''), specs: [], skus: [], rows: [] };
      byName.set(v.name!, product);
    }
    product.rows.push(r.row);
    for (const [name, value] of specs!) {
      let spec = product.specs.find((s) => s.name === name);
      if (!spec) product.specs.push((spec = { name, values: [] }));
      if (!spec.values.includes(value)) spec.values.push(value);
    }
    let sku = product.skus.find((s) => s.code === v.code);
    if (!sku) {
      sku = { code: v.code!, barcode: v.barcode || null, specValues: specs!.map(([, value]) => value), baseUnit: v.baseUnit!, costPriceFen: costPriceFen!, weightGrams: weight!, units: [] };
      product.skus.push(sku);
    } else if (sku.baseUnit !== v.baseUnit) err(r.row, '基本单位', '同一SKU的基本单位必须一致 / one base unit per SKU');
    if (sku.units.some((u) => u.name === v.unit)) err(r.row, '单位', '同一SKU的单位重复 / this unit appears twice for the SKU');
    else sku.units.push({ name: v.unit!, conversion: conversion!, barcode: v.unitBarcode || null, listPriceFen: listPriceFen!, minQty: minQty!, multiple: multiple!, levelPricesFen });
  }
  return { products: [...byName.values()], errors };
}
