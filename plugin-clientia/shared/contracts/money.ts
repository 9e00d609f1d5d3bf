/** Money on every API: integer minor units (cents) and an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}
