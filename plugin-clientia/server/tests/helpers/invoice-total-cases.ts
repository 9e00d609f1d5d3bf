/**
 * Invoices typed the way staff type them in the admin's invoice editor (prices in major units),
 * with the totals the server stores for them, in minor units. One table for both ends: the
 * integration test sends each case through the admin API and checks what is stored, the editor's
 * component test types each case and checks what staff see, so the two cannot drift apart.
 */
export interface TypedLine {
  description: string;
  /** As typed, with "." as the decimal point. */
  quantity: string;
  /** Major units as typed: "1234.50", "1234" for yen, "12.345" for dinar, "-150" for a discount. */
  unitPrice: string;
  /** Percent as typed. */
  taxRate: string;
}

export interface InvoiceTotalCase {
  name: string;
  currency: string;
  lines: TypedLine[];
  /** What the server stores, in minor units. */
  stored: { subtotal: number; tax: number; total: number };
}

export const INVOICE_TOTAL_CASES: InvoiceTotalCase[] = [
  {
    name: 'three lines, one taxed (EUR)',
    currency: 'EUR',
    lines: [
      { description: 'Strategy workshop', quantity: '2', unitPrice: '1200.00', taxRate: '19' },
      { description: 'Travel', quantity: '1', unitPrice: '86.40', taxRate: '0' },
      { description: 'Printing', quantity: '250', unitPrice: '0.12', taxRate: '0' },
    ],
    // 2,400.00 + 86.40 + 30.00; 19 % of 2,400.00
    stored: { subtotal: 251640, tax: 45600, total: 297240 },
  },
  {
    name: 'half-up rounding of nets and taxes',
    currency: 'EUR',
    lines: [
      { description: 'Research, 3 × 33.33', quantity: '3', unitPrice: '33.33', taxRate: '19' },
      { description: 'Courier, 1.5 × 10.01', quantity: '1.5', unitPrice: '10.01', taxRate: '7' },
    ],
    // 99.99 (tax 18.9981 → 19.00); 15.015 → 15.02 (tax 1.0514 → 1.05)
    stored: { subtotal: 11501, tax: 2005, total: 13506 },
  },
  {
    name: 'a 7.5 % rate',
    currency: 'USD',
    lines: [
      { description: 'Filing', quantity: '1', unitPrice: '99.99', taxRate: '7.5' },
      { description: 'Copies', quantity: '2', unitPrice: '0.10', taxRate: '7.5' },
    ],
    // tax 7.499 → 7.50 and 0.015 → 0.02
    stored: { subtotal: 10019, tax: 752, total: 10771 },
  },
  {
    name: 'discount lines',
    currency: 'EUR',
    lines: [
      { description: 'Advisory, 10 h', quantity: '10', unitPrice: '150.00', taxRate: '19' },
      { description: 'Loyalty discount', quantity: '1', unitPrice: '-150.00', taxRate: '19' },
      { description: 'Rounding credit', quantity: '1', unitPrice: '-0.05', taxRate: '10' },
    ],
    // tax 285.00 − 28.50 − 0.005 (half away from zero → −0.01)
    stored: { subtotal: 134995, tax: 25649, total: 160644 },
  },
  {
    name: 'yen, which has no minor unit',
    currency: 'JPY',
    lines: [
      { description: 'Translation', quantity: '3', unitPrice: '1234', taxRate: '10' },
      { description: 'Notarisation', quantity: '1', unitPrice: '999', taxRate: '8' },
    ],
    // tax 370.2 → 370 and 79.92 → 80
    stored: { subtotal: 4701, tax: 450, total: 5151 },
  },
  {
    name: 'Kuwaiti dinar, three minor digits',
    currency: 'KWD',
    lines: [
      { description: 'Legal opinion', quantity: '2', unitPrice: '12.345', taxRate: '5' },
      { description: 'Stamp', quantity: '0.5', unitPrice: '1.001', taxRate: '0' },
    ],
    // 24.690 (tax 1.2345 → 1.235); 0.5005 → 0.501
    stored: { subtotal: 25191, tax: 1235, total: 26426 },
  },
];
