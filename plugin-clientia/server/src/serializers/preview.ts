import { activityPreview } from './activity';
import { clientPreview } from './client';
import { contractPreview } from './contract';
import { documentPreview } from './document';
import { invoicePreview } from './invoice';
import { milestonePreview, projectPreview } from './project';
import { threadPreview } from './thread';

/** Every serializer that builds what a client sees, with the fields it reads. */
export const PREVIEW_SERIALIZERS = [
  clientPreview,
  invoicePreview,
  contractPreview,
  documentPreview,
  projectPreview,
  milestonePreview,
  threadPreview,
  activityPreview,
] as const;
