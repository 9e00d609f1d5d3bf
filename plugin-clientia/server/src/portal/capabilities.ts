import type { Capability, PortalRole } from '../../../shared/contracts/portal';

const EVERYONE: Capability[] = ['dashboard', 'projects', 'documents', 'documents.upload', 'messages', 'seats', 'preferences'];

/** DESIGN.md, "Roles inside a client": the one place where a portal role's rights are decided. */
export const CAPABILITIES: Record<PortalRole, ReadonlySet<Capability>> = {
  owner: new Set([...EVERYONE, 'billing', 'contracts', 'seats.manage', 'team.manage']),
  admin: new Set([...EVERYONE, 'billing', 'contracts', 'seats.manage', 'team.manage']),
  billing: new Set([...EVERYONE, 'billing', 'contracts']),
  member: new Set(EVERYONE),
};

export const PORTAL_ROLES = Object.keys(CAPABILITIES) as PortalRole[];

export const can = (role: PortalRole, capability: Capability) => CAPABILITIES[role].has(capability);
