/** The quick-order upload template as a CSV file (with a BOM, so Excel reads the Chinese headings). */
export function downloadQuickOrderTemplate(): void {
  const csv = '\ufeffSKU编码,单位,数量\r\nNFSQ-550,箱,2\r\n';
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'quick-order-template.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
