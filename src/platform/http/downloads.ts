/** Content type and headers for file downloads (xlsx exports, reports). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const download = (name: string) => ({ 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });
