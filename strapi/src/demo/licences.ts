import type { Calendar, IsoDate } from './calendar';
import type { DemoContext } from './context';
import type { ClientSlug } from './firm';

interface LicencePlan {
  client: ClientSlug;
  product: string;
  plan: string;
  seatsPurchased: number;
  renewalDate: IsoDate;
  /** Named people; the remaining purchased seats are seeded vacant. */
  assignees: { name: string; email: string }[];
  internalNotes?: string;
}

const licencePlans = ({ day }: Calendar): LicencePlan[] => [
  {
    client: 'northwind-logistics',
    product: 'RouteWise Planner',
    plan: 'Team',
    seatsPurchased: 5,
    renewalDate: day(12),
    assignees: [
      { name: 'Anna Weber', email: 'anna@northwind.example' },
      { name: 'Lena Hoffmann', email: 'lena@northwind.example' },
      { name: 'Jonas Keller', email: 'jonas@northwind.example' },
      { name: 'Felix Braun', email: 'felix@northwind.example' },
      { name: 'Mira Schulz', email: 'mira@northwind.example' },
    ],
    internalNotes: 'All seats taken; Lena asked about two more for the Bremen hub at renewal.',
  },
  {
    client: 'bluebird-studio',
    product: 'Ledgerline Analytics',
    plan: 'Studio',
    seatsPurchased: 6,
    renewalDate: day(143),
    assignees: [
      { name: 'Maya Chen', email: 'maya@bluebird.example' },
      { name: 'Sam Rivera', email: 'sam@rivera-consulting.example' },
      { name: 'Ava Brooks', email: 'ava@bluebird.example' },
      { name: 'Noah Kim', email: 'noah@bluebird.example' },
    ],
  },
  {
    client: 'calder-finch',
    product: 'CaseFlow Intake',
    plan: 'Professional',
    seatsPurchased: 4,
    renewalDate: day(75),
    assignees: [
      { name: 'Olivia Grant', email: 'olivia@calderfinch.example' },
      { name: 'Tom Baker', email: 'tom@calderfinch.example' },
      { name: 'Priya Shah', email: 'priya@calderfinch.example' },
    ],
  },
];

export const seedLicences = async (ctx: DemoContext) => {
  for (const { client, assignees, ...licence } of licencePlans(ctx.calendar)) {
    const created = await ctx.create('licence', { ...licence, client: ctx.find('client', client).documentId, state: 'active' });
    for (let seat = 0; seat < licence.seatsPurchased; seat++) {
      const assignee = assignees[seat];
      await ctx.create('seat', {
        licence: created.documentId,
        assigneeName: assignee?.name,
        assigneeEmail: assignee?.email,
      });
    }
  }
};
