/**
 * 开票: finance records an invoice over parts of one customer's orders. The orders are locked first (in id order, so
 * two invoices over the same orders never deadlock), then what is left to invoice is read and checked, so two
 * invoices racing for the last fen of an order run one after the other and the second is refused.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { pgError } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { recordAudit } from '../audit/audit.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { customers, invoiceProfiles } from '../customers/customers.tables.js';
import { shipments } from '../fulfilment/fulfilment.tables.js';
import { findOrder } from '../orders/orders.service.js';
import type { OrderRow } from '../orders/orders.repository.js';
import { invoiceTotals } from './domain/invoice-tax.js';
import { checkInvoiceLines } from './domain/invoicing.js';
import { loadInvoicing, type OrderInvoicing } from './invoicing-facts.js';
import { toInvoiceOut } from './invoices.repository.js';
import type { IssueInput } from './invoices.schemas.js';
import { invoiceLines, invoices, type InvoiceBuyer, type InvoiceKind } from './invoices.tables.js';

const noTaken = (invoiceNo: string, kind: InvoiceKind) =>
  new AppError('invoice_no_taken', { message: `invoice number ${invoiceNo} is already used by a ${kind} invoice`, details: { invoiceNo, kind } });

/** 货物名称 of an order's line on the invoice, unless finance typed one: its first product, "等N项" when there are more. */
const describe = (o: OrderRow) => (o.lineCount > 1 ? `${o.firstLineName}等${o.lineCount}项` : o.firstLineName);

/** The buyer: typed in, one of the customer's profiles, or the request of the first order (checkout or later). */
async function buyerOf(tx: Tx, tenantId: string, input: IssueInput, first: OrderInvoicing): Promise<{ kind: InvoiceKind; buyer: InvoiceBuyer }> {
  let kind: InvoiceKind;
  let b: Partial<InvoiceBuyer> & { title: string; taxNo: string };
  if (input.buyer) {
    kind = input.kind ?? 'normal';
    b = input.buyer;
  } else if (input.profileId) {
    const [p] = await tx.select().from(invoiceProfiles)
      .where(and(eq(invoiceProfiles.tenantId, tenantId), eq(invoiceProfiles.customerId, input.customerId), eq(invoiceProfiles.id, input.profileId)));
    if (!p) throw notFound('invoice profile');
    kind = input.kind ?? p.kind;
    b = p;
  } else if (first.request) {
    kind = input.kind ?? first.request.kind;
    b = first.request;
  } else {
    throw new AppError('invoice_buyer_incomplete', { message: `order ${first.orderNo} has no invoice request: give the buyer or one of the customer's invoice profiles`,
      errors: [{ path: 'body.buyer', message: 'required' }] });
  }
  const buyer: InvoiceBuyer = { title: b.title, taxNo: b.taxNo, address: b.address ?? null, phone: b.phone ?? null, bankName: b.bankName ?? null, bankAccount: b.bankAccount ?? null };
  if (kind === 'special') {
    const missing = (['address', 'phone', 'bankName', 'bankAccount'] as const).filter((k) => !buyer[k]);
    if (missing.length) {
      throw new AppError('invoice_buyer_incomplete', { message: 'a special VAT invoice (专票) needs the buyer\'s address, phone, bank and account',
        details: { missing }, errors: missing.map((k) => ({ path: `body.buyer.${k}`, message: 'required for a special invoice' })) });
    }
  }
  return { kind, buyer };
}

async function checkShipments(tx: Tx, tenantId: string, lines: IssueInput['lines']) {
  const ids = [...new Set(lines.map((l) => l.shipmentId).filter((x): x is string => !!x))];
  const found = ids.length
    ? await tx.select({ id: shipments.id, orderId: shipments.orderId, shipmentNo: shipments.shipmentNo, status: shipments.status }).from(shipments)
      .where(and(eq(shipments.tenantId, tenantId), inArray(shipments.id, ids)))
    : [];
  const byId = new Map(found.map((s) => [s.id, s]));
  for (const l of lines) {
    if (!l.shipmentId) continue;
    const s = byId.get(l.shipmentId);
    if (!s || s.orderId !== l.orderId || s.status === 'cancelled') {
      throw new AppError('invoice_shipment_mismatch', { message: `shipment ${s?.shipmentNo ?? l.shipmentId} is not a ${s ? 'live ' : ''}shipment of this order`,
        details: { orderId: l.orderId, shipmentId: l.shipmentId } });
    }
  }
  return byId;
}

export async function issueInvoiceTx(tx: Tx, ctx: Ctx<Operator>, input: IssueInput) {
  const { tenantId, actor } = ctx;
  const [customer] = await tx.select({ id: customers.id, name: customers.name }).from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, input.customerId), customerIdInScope(actor, customers.id)));
  if (!customer) throw notFound('customer');
  const orderIds = [...new Set(input.lines.map((l) => l.orderId))].sort();
  const orderRows = new Map<string, OrderRow>();
  for (const id of orderIds) orderRows.set(id, await findOrder(tx, tenantId, actor, id, true));
  const facts = await loadInvoicing(tx, tenantId, orderIds);
  const refusal = checkInvoiceLines(input.customerId, input.lines, facts);
  if (refusal) {
    const { code, ...details } = refusal;
    const message = code === 'invoice_exceeds_remaining' ? `order ${refusal.orderNo} has ${refusal.remainingFen} fen left to invoice, ${refusal.amountFen} asked`
      : code === 'invoice_customer_mismatch' ? `order ${refusal.orderNo} is not an order of this customer` : `order ${refusal.orderNo} is ${refusal.orderStatus}`;
    throw new AppError(code, { message, details });
  }
  const shipmentsById = await checkShipments(tx, tenantId, input.lines);
  const { kind, buyer } = await buyerOf(tx, tenantId, input, facts.get(input.lines[0].orderId)!);
  const [taken] = await tx.select({ id: invoices.id }).from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.kind, kind), eq(invoices.invoiceNo, input.invoiceNo)));
  if (taken) throw noTaken(input.invoiceNo, kind);

  const totals = invoiceTotals(input.lines.map((l) => l.amountFen), input.taxRate);
  const id = newId();
  const now = new Date();
  let row;
  try {
    [row] = await tx.insert(invoices).values({
      tenantId, id, kind, invoiceNo: input.invoiceNo, invoiceCode: input.invoiceCode ?? null, issueDate: input.issueDate, customerId: customer.id,
      customerName: customer.name, buyer, taxRate: input.taxRate, amountFen: totals.amountFen, taxFen: totals.taxFen, remark: input.remark?.trim() || null,
      issuedById: actor.id, issuedByName: actor.name, createdAt: now, updatedAt: now,
    }).returning();
  } catch (err) {
    // Two invoices given the same number at the same moment: the second waits on the unique key, then lands here.
    if (pgError(err)?.code === '23505') throw noTaken(input.invoiceNo, kind);
    throw err;
  }
  const lines = await tx.insert(invoiceLines).values(input.lines.map((l, i) => ({
    tenantId, id: newId(), invoiceId: id, lineNo: i + 1, orderId: l.orderId, orderNo: orderRows.get(l.orderId)!.orderNo,
    shipmentId: l.shipmentId ?? null, shipmentNo: l.shipmentId ? shipmentsById.get(l.shipmentId)!.shipmentNo : null,
    description: l.description?.trim() || describe(orderRows.get(l.orderId)!), amountFen: l.amountFen, taxFen: totals.taxes[i],
  }))).returning();
  const summary = { invoiceNo: row.invoiceNo, kind, customerId: customer.id, amountFen: row.amountFen, taxFen: row.taxFen, taxRate: row.taxRate,
    orders: lines.map((l) => ({ orderId: l.orderId, orderNo: l.orderNo, shipmentId: l.shipmentId, amountFen: l.amountFen })) };
  await emitEvent(tx, tenantId, { topic: 'invoice.issued', aggregateType: 'invoice', aggregateId: id, payload: summary });
  await recordAudit(tx, ctx, { action: 'invoice.issued', entityType: 'invoice', entityId: id, after: { ...summary, issueDate: row.issueDate, buyer } });
  return toInvoiceOut(row, lines.sort((a, b) => a.lineNo - b.lineNo));
}
