import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvoiceLines, invoiceableFen, orderInvoiceStatus, remainingFen, type OrderInvoiceFacts } from './invoicing.js';

const facts = (o: Partial<OrderInvoiceFacts> = {}): OrderInvoiceFacts => ({
  orderId: 'o1', orderNo: 'DH1', customerId: 'c1', status: 'completed', totalFen: 10_000, receivedFen: 0, refundedFen: 0, invoicedFen: 0, requested: false, ...o,
});

describe('invoiceable amount', () => {
  it('is the total of an order with no refunds, paid or not', () => {
    expect(invoiceableFen(facts())).toBe(10_000);
    expect(invoiceableFen(facts({ receivedFen: 10_000 }))).toBe(10_000);
  });
  it('is lowered by a refund of what was paid for goods (a closed order giving money back)', () => {
    expect(invoiceableFen(facts({ receivedFen: 10_000, refundedFen: 2_500 }))).toBe(7_500);
  });
  it('is not lowered by a refund of an overpayment (an edit lowered the total after payment)', () => {
    expect(invoiceableFen(facts({ totalFen: 8_000, receivedFen: 10_000, refundedFen: 2_000 }))).toBe(8_000);
    expect(invoiceableFen(facts({ totalFen: 8_000, receivedFen: 10_000, refundedFen: 3_000 }))).toBe(7_000);
  });
  it('never goes below zero nor above the total', () => {
    fc.assert(fc.property(fc.nat(1e9), fc.nat(1e9), fc.nat(1e9), (totalFen, receivedFen, r) => {
      const refundedFen = Math.min(r, receivedFen);
      const v = invoiceableFen({ totalFen, receivedFen, refundedFen });
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(totalFen);
    }));
  });
});

describe('order invoice status', () => {
  it.each([
    [{}, 'none'], [{ requested: true }, 'requested'], [{ invoicedFen: 1 }, 'partially_invoiced'], [{ invoicedFen: 9_999, requested: true }, 'partially_invoiced'],
    [{ invoicedFen: 10_000 }, 'invoiced'], [{ invoicedFen: 10_000, receivedFen: 10_000, refundedFen: 1_000 }, 'invoiced'],
    [{ invoicedFen: 9_000, receivedFen: 10_000, refundedFen: 1_000 }, 'invoiced'],
  ] as const)('%o → %s', (o, status) => {
    expect(orderInvoiceStatus(facts(o))).toBe(status);
  });
  it('leaves nothing to invoice once invoiced, even after a later refund', () => {
    expect(remainingFen(facts({ invoicedFen: 10_000, receivedFen: 10_000, refundedFen: 1_000 }))).toBe(0);
  });
});

describe('checking an invoice\'s lines', () => {
  const map = (...fs: OrderInvoiceFacts[]) => new Map(fs.map((f) => [f.orderId, f]));
  it('accepts lines up to what is left, summed per order', () => {
    expect(checkInvoiceLines('c1', [{ orderId: 'o1', amountFen: 4_000 }, { orderId: 'o1', amountFen: 2_000 }], map(facts({ invoicedFen: 4_000 })))).toBeNull();
  });
  it('refuses the fen beyond what is left, with the remaining amount', () => {
    expect(checkInvoiceLines('c1', [{ orderId: 'o1', amountFen: 4_000 }, { orderId: 'o1', amountFen: 2_001 }], map(facts({ invoicedFen: 4_000 }))))
      .toEqual({ code: 'invoice_exceeds_remaining', orderId: 'o1', orderNo: 'DH1', remainingFen: 6_000, amountFen: 6_001 });
  });
  it('refuses an order of another customer, and a closed one', () => {
    expect(checkInvoiceLines('c2', [{ orderId: 'o1', amountFen: 1 }], map(facts()))).toMatchObject({ code: 'invoice_customer_mismatch', orderId: 'o1' });
    for (const status of ['cancelled', 'voided', 'rejected']) {
      expect(checkInvoiceLines('c1', [{ orderId: 'o1', amountFen: 1 }], map(facts({ status })))).toMatchObject({ code: 'invoice_order_closed', orderStatus: status });
    }
  });
});
