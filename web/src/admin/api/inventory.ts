import { useList } from '../../shared/hooks/use-list';

/** Console-only shapes of docs/api.md "Inventory — console". Quantities are integers in the SKU's base unit. */

export const WAREHOUSES = '/admin/warehouses';
export const STOCK = '/admin/stock';
export const STOCK_ADJUSTMENTS = '/admin/stock/adjustments';
export const STOCK_MOVEMENTS = '/admin/stock/movements';
export const STOCK_TRANSFERS = '/admin/stock-transfers';
export const safetyStockPath = (skuId: string, warehouseId: string) => `${STOCK}/${skuId}/${warehouseId}/safety-stock`;
export const skuThresholdsPath = (skuId: string) => `${STOCK}/${skuId}/thresholds`;
export const STOCK_ALERTS = '/admin/inventory/alerts';

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  address: string;
  regionIds: string[];
  priority: number;
  active: boolean;
  version: number;
}

export interface WarehouseIn {
  code: string;
  name: string;
  address?: string;
  regionIds?: string[];
  priority?: number;
  active?: boolean;
}

export interface StockLevel {
  skuId: string;
  warehouseId: string;
  warehouseName: string;
  skuCode: string;
  productName: string;
  specText: string;
  baseUnit: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  /** on hand − reserved − safety stock */
  available: number;
  /** 低库存线 of this level; null = the safety stock is the low mark */
  lowStockQty: number | null;
  /** 积压线 of this level; null = none */
  overstockQty: number | null;
  /** the SKU's marks over all warehouses together; null = none */
  skuLowStockQty: number | null;
  skuOverstockQty: number | null;
}

/** PUT safety-stock: the three numbers of one SKU in one warehouse. */
export interface LevelThresholdsIn {
  safetyStock: number;
  lowStockQty: number | null;
  overstockQty: number | null;
}

export type StockAlertKind = 'low' | 'over';

/** One row of 库存预警: a SKU in one warehouse (`scope: 'warehouse'`) or over all warehouses (`scope: 'sku'`). */
export interface StockAlert {
  scope: 'warehouse' | 'sku';
  skuId: string;
  skuCode: string;
  productName: string;
  specText: string;
  baseUnit: string;
  warehouseId: string | null;
  warehouseName: string | null;
  onHand: number;
  reserved: number;
  /** on hand − reserved */
  free: number;
  safetyStock: number;
  lowMark: number | null;
  overstockMark: number | null;
  soldLast30Days: number;
  /** 建议采购量 (low alerts) */
  suggestedQty: number | null;
  /** on hand above the overstock mark (overstock alerts) */
  excessQty: number | null;
}

export type StockFilters = {
  warehouseId?: string;
  q?: string;
  low?: 'true';
};

export type StockChangeKind = 'inbound' | 'adjust';

export interface StockChangeIn {
  warehouseId: string;
  skuId: string;
  delta: number;
  kind: StockChangeKind;
  reason: string;
}

export interface StockChangeResult {
  docId: string;
  skuId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
}

export const MOVEMENT_KINDS = ['inbound', 'reserve', 'release', 'ship', 'adjust', 'transfer_out', 'transfer_in', 'stocktake', 'return'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface StockMovement {
  id: string;
  warehouseId: string;
  skuId: string;
  /** a MovementKind; kept open so a kind added on the server still shows */
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  /** `order` (docId = order id), `inbound`, `adjustment`, … */
  docType: string;
  docId: string;
  reason: string | null;
  actorKind: string;
  actorId: string;
  at: string;
  /** not sent by the API yet; shown when it is */
  skuCode?: string;
  productName?: string;
  actorName?: string | null;
}

export const TRANSFER_STATUSES = ['draft', 'in_transit', 'received', 'cancelled'] as const;
/** 草稿 → 在途 (shipped: left the source) → 已收货; a draft can be 已取消. */
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export type TransferStep = 'ship' | 'receive' | 'cancel';

/** 调拨单: stock moved between two warehouses, in base units. The lines carry only SKU ids. */
export interface StockTransfer {
  id: string;
  /** DB000123 */
  transferNo: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  status: TransferStatus;
  lines: { skuId: string; qty: number }[];
  remark: string | null;
  /** the staff member's name */
  createdBy: string;
  shippedAt: string | null;
  receivedAt: string | null;
  createdAt: string;
  version: number;
}

export interface StockTransferIn {
  fromWarehouseId: string;
  toWarehouseId: string;
  lines: { skuId: string; qty: number }[];
  remark?: string;
}

/** One line of `409 insufficient_stock` when shipping a transfer (extension member `lines`). */
export interface ShortTransferLine {
  skuId: string;
  wanted: number;
  available: number;
}

/** One SKU as the inventory screens pick it. */
export interface SkuChoice {
  skuId: string;
  skuCode: string;
  productName: string;
  specText: string;
  baseUnit: string;
}

export const useWarehouses = () => useList<Warehouse>(WAREHOUSES);

/** At or below its low mark (the server's `low=true`: on hand − reserved ≤ low-stock quantity, else safety stock). */
export const isLowStock = (s: StockLevel) => s.onHand - s.reserved <= (s.lowStockQty ?? s.safetyStock);

/** Above its overstock mark (积压). */
export const isOverstock = (s: StockLevel) => s.overstockQty !== null && s.onHand > s.overstockQty;

export const skuLabel = (s: { skuCode: string; productName: string; specText: string }) =>
  `${s.skuCode} ${s.productName}${s.specText ? ` ${s.specText}` : ''}`;

/** The ledger of one SKU (in one warehouse), as a console path. */
export function movementsPath(f: { skuId?: string; warehouseId?: string; skuCode?: string }): string {
  const params = new URLSearchParams();
  if (f.skuId) params.set('skuId', f.skuId);
  if (f.skuCode) params.set('sku', f.skuCode);
  if (f.warehouseId) params.set('warehouseId', f.warehouseId);
  const qs = params.toString();
  return `/stock/movements${qs ? `?${qs}` : ''}`;
}

export const INBOUND_RECEIPTS = '/admin/inbound-receipts';
export const STOCKTAKES = '/admin/stocktakes';
/** The print views (HTML) open in a new tab: full paths, not relative to the API client. */
export const receiptPrintUrl = (id: string) => `/api/v1${INBOUND_RECEIPTS}/${id}/print`;
export const transferPrintUrl = (id: string) => `/api/v1${STOCK_TRANSFERS}/${id}/print`;
export const stocktakePrintUrl = (id: string) => `/api/v1${STOCKTAKES}/${id}/print`;

export const RECEIPT_STATUSES = ['draft', 'confirmed', 'cancelled'] as const;
/** 草稿 → 已入库 (the stock arrives); a draft can be 已取消. */
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export type ReceiptStep = 'confirm' | 'cancel';

/** 入库单: stock arriving in one warehouse, in base units, each line with an optional cost price in fen. */
export interface InboundReceipt {
  id: string;
  /** RK000123 */
  receiptNo: string;
  warehouseId: string;
  status: ReceiptStatus;
  supplier: string | null;
  remark: string | null;
  lines: { skuId: string; skuCode: string; productName: string; baseUnit: string; qty: number; costPriceFen: number | null }[];
  createdBy: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
  createdAt: string;
  version: number;
  totalQty: number;
  /** Σ qty × cost price, in fen */
  totalCostFen: number;
}

export interface InboundReceiptIn {
  warehouseId: string;
  supplier?: string;
  lines: { skuId: string; qty: number; costPriceFen?: number }[];
  remark?: string;
}

export const STOCKTAKE_STATUSES = ['counting', 'confirmed', 'cancelled'] as const;
/** 盘点中 → 已确认 (differences posted to the ledger); while counting it can be 已取消. */
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];
export type StocktakeStep = 'confirm' | 'cancel';

export interface StocktakeLine {
  skuId: string;
  skuCode: string;
  productName: string;
  /** the book quantity (on hand) when the sheet was started */
  systemQty: number;
  /** null: not counted yet (left alone on confirm) */
  countedQty: number | null;
}

/** 盘点单: a count sheet of one warehouse. */
export interface Stocktake {
  id: string;
  /** PD000123 */
  stocktakeNo: string;
  warehouseId: string;
  status: StocktakeStatus;
  remark: string | null;
  createdBy: string;
  lines: StocktakeLine[];
  confirmedAt: string | null;
  createdAt: string;
  version: number;
  /** how many lines differ from the book */
  differences: number;
}

export interface StocktakeIn {
  warehouseId: string;
  /** omitted: every SKU the warehouse holds */
  skuIds?: string[];
  remark?: string;
}

export interface StocktakeCountsIn {
  version: number;
  counts: { skuId: string; countedQty: number }[];
}
