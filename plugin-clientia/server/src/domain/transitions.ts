/** Which status may follow which, for the statuses staff set by hand. */
export const INVOICE_TRANSITIONS: Record<string, readonly string[]> = {
  draft: ['issued', 'void'],
  issued: ['overdue', 'void'],
  overdue: ['issued', 'void'],
  partially_paid: [],
  paid: [],
  void: [],
};

/** Statuses the server derives from payments; nobody sets them by hand. */
export const DERIVED_INVOICE_STATUSES = ['partially_paid', 'paid'] as const;

export const CONTRACT_TRANSITIONS: Record<string, readonly string[]> = {
  draft: ['sent'],
  sent: ['draft', 'partially_signed', 'signed', 'declined'],
  partially_signed: ['signed', 'declined'],
  signed: ['active', 'expired', 'terminated'],
  active: ['expired', 'terminated'],
  expired: [],
  terminated: [],
  declined: [],
};

/** A contract in these states is a signed record: only amendments change it. */
export const SIGNED_CONTRACT_STATUSES = ['signed', 'active', 'expired', 'terminated'];

export const canMove = (table: Record<string, readonly string[]>, from: string, to: string) =>
  from === to || (table[from] ?? []).includes(to);
