import { at, type IsoDate } from './calendar';
import type { DemoContext } from './context';
import type { ClientSlug } from './firm';

interface MessagePlan {
  /** 'staff', or the email of the contact who wrote it. */
  from: string;
  on: IsoDate;
  time: string;
  body: string;
}

interface ThreadPlan {
  client: ClientSlug;
  subject: string;
  state: 'open' | 'closed';
  /** False leaves the contact's last message unread in the inbox. */
  readByStaff: boolean;
  messages: MessagePlan[];
}

const longDate = (date: IsoDate) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

const threadPlans = (ctx: DemoContext): ThreadPlan[] => {
  const { day } = ctx.calendar;
  const overdue = ctx.find('invoice', 'northwind-workshop');
  return [
    {
      client: 'northwind-logistics',
      subject: 'Recommendation workshop: agenda and attendees',
      state: 'open',
      readByStaff: false,
      messages: [
        {
          from: 'staff',
          on: day(-3),
          time: '14:10',
          body: `Hi Anna, the draft agenda for the recommendation workshop on ${longDate(day(9))} is in Documents › Reports. Could you confirm who from the regional hubs will join?`,
        },
        {
          from: 'anna@northwind.example',
          on: day(-2),
          time: '08:45',
          body: 'Thanks! Lena and the Bremen hub lead will join. Can we move the carrier session to the afternoon?',
        },
        {
          from: 'staff',
          on: day(-2),
          time: '10:02',
          body: 'Done: the carrier session is now 14:00–15:30. The updated agenda is in the same folder.',
        },
        {
          from: 'lena@northwind.example',
          on: day(-1),
          time: '16:20',
          body: 'Could we add 30 minutes on the peak-season staffing model? Jonas has questions about the cost side.',
        },
      ],
    },
    {
      client: 'northwind-logistics',
      subject: `Invoice ${overdue.number}: Hamburg workshop`,
      state: 'open',
      readByStaff: true,
      messages: [
        {
          from: 'staff',
          on: day(-7),
          time: '09:30',
          body: `Hi Jonas, a friendly reminder that invoice ${overdue.number} for the Hamburg workshop was due on ${longDate(overdue.dueDate as IsoDate)}. Is anything holding it up?`,
        },
        {
          from: 'jonas@northwind.example',
          on: day(-6),
          time: '11:15',
          body: 'Sorry, it was waiting for a purchase order. The PO is 4500-7781 (uploaded under Purchase orders); payment goes out with next week’s run.',
        },
        { from: 'staff', on: day(-6), time: '11:40', body: 'Thanks Jonas, we have noted the PO against the invoice.' },
      ],
    },
    {
      client: 'bluebird-studio',
      subject: 'Playbook draft: feedback on chapter 3',
      state: 'open',
      readByStaff: true,
      messages: [
        {
          from: 'maya@bluebird.example',
          on: day(-5),
          time: '17:05',
          body: 'We read the draft. Chapter 3 on handoffs between producers and finance feels right, but the approval thresholds are too low for a studio our size.',
        },
        {
          from: 'staff',
          on: day(-4),
          time: '09:12',
          body: 'Good point. We will raise them to $2,500 for producers and $10,000 for Maya, and send a revised chapter by Friday.',
        },
        {
          from: 'sam@rivera-consulting.example',
          on: day(-4),
          time: '13:48',
          body: 'One more: the freelancer onboarding checklist should link to the new contract template.',
        },
        { from: 'staff', on: day(-3), time: '08:55', body: 'Will do. Both changes will be in the next draft.' },
      ],
    },
    {
      client: 'calder-finch',
      subject: 'Billing system selection: kick-off',
      state: 'closed',
      readByStaff: true,
      messages: [
        {
          from: 'staff',
          on: day(-121),
          time: '10:00',
          body: 'Olivia, shall we hold the kick-off for the billing system selection next Tuesday at 10:00 at your offices?',
        },
        {
          from: 'olivia@calderfinch.example',
          on: day(-121),
          time: '12:31',
          body: 'Tuesday at 10:00 works. Tom will join for the accounts side.',
        },
        { from: 'staff', on: day(-120), time: '09:05', body: 'Booked. Calendar invitations are on their way to you and Tom.' },
      ],
    },
    {
      client: 'calder-finch',
      subject: 'SOW for the client intake review',
      state: 'open',
      readByStaff: true,
      messages: [
        {
          from: 'staff',
          on: day(-2),
          time: '15:20',
          body: 'Olivia, the SOW for the client intake process review is ready for your signature in the portal under Contracts.',
        },
        {
          from: 'olivia@calderfinch.example',
          on: day(-1),
          time: '09:02',
          body: 'Thank you. The partners meet on Thursday to approve it; I will sign straight after.',
        },
      ],
    },
  ];
};

const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * Conversations with real timestamps. Each side has read up to its own last message; the inbox
 * then shows a thread as unread by staff when a contact wrote last and staff has not opened it.
 */
export const seedThreads = async (ctx: DemoContext) => {
  for (const plan of threadPlans(ctx)) {
    const [first] = plan.messages;
    const thread = await ctx.create('thread', {
      client: ctx.find('client', plan.client).documentId,
      subject: plan.subject,
      state: 'open',
      startedByStaff: first.from === 'staff' ? ctx.staffId : undefined,
      startedByContact: first.from === 'staff' ? undefined : ctx.find('contact', first.from).documentId,
    });

    const sent = { staff: null as string | null, contact: null as string | null };
    for (const message of plan.messages) {
      const createdAt = at(message.on, message.time);
      const byStaff = message.from === 'staff';
      await ctx.create('message', {
        thread: thread.documentId,
        body: message.body,
        authorType: byStaff ? 'staff' : 'contact',
        authorStaff: byStaff ? ctx.staffId : undefined,
        authorContact: byStaff ? undefined : ctx.find('contact', message.from).documentId,
        createdAt,
      });
      sent[byStaff ? 'staff' : 'contact'] = createdAt;
    }

    const final = plan.messages[plan.messages.length - 1];
    const last = at(final.on, final.time);
    await ctx.update('thread', thread.documentId, {
      state: plan.state,
      lastMessageAt: last,
      staffReadAt: plan.readByStaff ? minutesAfter(last, 12) : sent.staff,
      clientReadAt: plan.state === 'closed' ? minutesAfter(last, 40) : sent.contact,
    });
  }
};
