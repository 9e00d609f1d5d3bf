import { at, type Calendar, type IsoDate } from './calendar';
import type { DemoContext } from './context';
import type { ClientSlug } from './firm';

interface MilestonePlan {
  title: string;
  dueDate: IsoDate;
  state: 'pending' | 'in_progress' | 'done';
}

interface ProjectPlan {
  key: string;
  client: ClientSlug;
  name: string;
  state: 'planned' | 'active' | 'on_hold' | 'done';
  progress: number;
  startDate: IsoDate;
  dueDate: IsoDate;
  summary: string;
  internalNotes?: string;
  milestones: MilestonePlan[];
}

const projectPlans = ({ day }: Calendar): ProjectPlan[] => [
  {
    key: 'northwind-network',
    client: 'northwind-logistics',
    name: 'Warehouse network redesign',
    state: 'active',
    progress: 60,
    startDate: day(-70),
    dueDate: day(50),
    summary:
      'Model the five German hubs and the Rotterdam cross-dock, compare consolidation scenarios on cost and ' +
      'delivery times, and agree an implementation roadmap with the regional leads.',
    internalNotes: 'Scenario C (close Kassel) is politically sensitive; present it last.',
    milestones: [
      { title: 'Current-state assessment', dueDate: day(-49), state: 'done' },
      { title: 'Network model and scenarios', dueDate: day(-12), state: 'done' },
      { title: 'Recommendation workshop in Hamburg', dueDate: day(9), state: 'in_progress' },
      { title: 'Implementation roadmap', dueDate: day(45), state: 'pending' },
    ],
  },
  {
    key: 'bluebird-playbook',
    client: 'bluebird-studio',
    name: 'Studio operations playbook',
    state: 'active',
    progress: 35,
    startDate: day(-35),
    dueDate: day(55),
    summary:
      'One playbook for how Bluebird staffs, prices, runs and closes a project, from the first brief to the ' +
      'final invoice, written with the producers who will use it.',
    milestones: [
      { title: 'Interviews with producers and finance', dueDate: day(-18), state: 'done' },
      { title: 'Draft playbook', dueDate: day(6), state: 'in_progress' },
      { title: 'Rollout training for the team', dueDate: day(40), state: 'pending' },
    ],
  },
  {
    key: 'calder-billing',
    client: 'calder-finch',
    name: 'Billing system selection',
    state: 'done',
    progress: 100,
    startDate: day(-120),
    dueDate: day(-10),
    summary: 'Shortlist, demo and choose a time-recording and billing system for 40 fee earners.',
    milestones: [
      { title: 'Requirements with partners and accounts', dueDate: day(-95), state: 'done' },
      { title: 'Vendor demos and reference calls', dueDate: day(-40), state: 'done' },
      { title: 'Recommendation to the partners', dueDate: day(-12), state: 'done' },
    ],
  },
  {
    key: 'calder-intake',
    client: 'calder-finch',
    name: 'Client intake process review',
    state: 'planned',
    progress: 0,
    startDate: day(14),
    dueDate: day(84),
    summary: 'Map how a new matter is opened today, from enquiry to engagement letter, and cut the time it takes.',
    internalNotes: 'Starts once the SOW is signed.',
    milestones: [
      { title: 'Interviews with the intake team', dueDate: day(28), state: 'pending' },
      { title: 'Current process map and pain points', dueDate: day(49), state: 'pending' },
      { title: 'Redesigned intake process', dueDate: day(84), state: 'pending' },
    ],
  },
];

export const seedProjects = async (ctx: DemoContext) => {
  for (const { key, client, milestones, ...project } of projectPlans(ctx.calendar)) {
    const created = await ctx.create('project', { ...project, client: ctx.find('client', client).documentId });
    ctx.remember('project', key, created);
    for (const [order, milestone] of milestones.entries()) {
      await ctx.create('milestone', {
        ...milestone,
        completedAt: milestone.state === 'done' ? at(milestone.dueDate, '16:30') : null,
        order: order + 1,
        project: created.documentId,
      });
    }
  }
};
