import ExcelJS from 'exceljs';
import { log } from '../../lib/log.mjs';
import { rng } from './generate.mjs';
import { CATALOG, MODIFIERS } from './words.mjs';

const LEVEL_COLUMN = '等级价:金牌';

/**
 * An .xlsx product sheet with `rows` rows in the columns of the app's import template (COLUMNS): products of
 * 2 SKUs × 2 units (base + carton), fresh SKU codes and barcodes, a 金牌 level price on every row. `sheetNo` > 0 gives
 * barcodes of their own to further sheets imported into the same catalog (codes are already fresh per sheet).
 */
export async function buildSheet(COLUMNS, rows, sheetNo = 0) {
  const r = rng(777);
  const run = Date.now().toString(36).toUpperCase();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('商品');
  ws.addRow([...COLUMNS.map((c) => c.title), LEVEL_COLUMN]);
  const products = Math.ceil(rows / 4);
  let written = 0;
  for (let i = 0; i < products && written < rows; i++) {
    const top = r.pick(CATALOG);
    const leaf = r.pick(top.leaves);
    const brand = r.pick(leaf.brands);
    const name = `${brand}${r.pick(MODIFIERS)}${r.pick(leaf.nouns)} 型号${run}-${i}`;
    const [specName, specValues] = leaf.spec;
    for (let j = 0; j < 2 && written < rows; j++) {
      const value = specValues[(i + j) % specValues.length];
      const code = `IM${run}-${String(i).padStart(5, '0')}-${j + 1}`;
      const barcode = `68${String(sheetNo * 1_000_000 + i * 2 + j).padStart(11, '0')}`;
      const yuan = r.int(leaf.price[0], leaf.price[1]) / 100;
      const units = [[leaf.unit, 1, '', yuan], [leaf.carton[0], leaf.carton[1], `1${barcode}`, Math.round(yuan * leaf.carton[1] * 98) / 100]];
      for (const [unit, conversion, unitBarcode, price] of units) {
        if (written++ >= rows) break;
        const v = { name, subtitle: '批量导入', category: `${top.name}/${leaf.name}`, brand, specs: `${specName}:${value}`, code, barcode, baseUnit: leaf.unit,
          unit, conversion, unitBarcode, listPrice: price.toFixed(2), costPrice: (price * 0.7).toFixed(2), minQty: 1, multiple: 1, weight: r.int(50, 5000), onShelf: '是' };
        ws.addRow([...COLUMNS.map((c) => v[c.key] ?? ''), (price * 0.9).toFixed(2)]);
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads the sheet as staff (multipart, CSRF header) and polls the job until it ends; times both. */
export async function timeImport(baseUrl, session, file, rows) {
  const form = new FormData();
  form.append('mode', 'all_or_nothing');
  form.append('file', new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'bench-products.xlsx');
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/admin/imports/products`, { method: 'POST', headers: session.unsafe, body: form });
  const uploadSeconds = (performance.now() - t0) / 1000;
  if (res.status !== 202) return { rows, status: `upload failed: ${res.status}`, seconds: null, uploadSeconds, detail: await res.text() };
  let job = await res.json();
  let lastLog = 0;
  while (!['done', 'rejected', 'failed'].includes(job.status)) {
    await new Promise((r) => setTimeout(r, 250));
    const poll = await fetch(`${baseUrl}/api/v1/admin/imports/${job.id}`, { headers: session.get });
    if (poll.status !== 200) return { rows, status: `poll failed: ${poll.status}`, seconds: null, uploadSeconds, detail: await poll.text() };
    job = await poll.json();
    if (Date.now() - lastLog > 5000) { lastLog = Date.now(); log(`import ${job.status}: ${job.progress.processed} / ${job.progress.total} products`); }
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    rows, fileKb: Math.round(file.length / 1024), status: job.status, seconds: Math.round(seconds * 10) / 10, uploadSeconds: Math.round(uploadSeconds * 10) / 10,
    rowsPerSecond: Math.round(rows / seconds), summary: job.summary, errorCount: job.errorCount, firstErrors: job.errors.slice(0, 5),
  };
}
