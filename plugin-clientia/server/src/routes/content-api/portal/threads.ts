import type { PortalRouteSpec } from '../../../portal/route-spec';
import { UID } from '../../../constants';

export const threadsRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/threads',
    handler: 'portal-threads.find',
    capability: 'messages',
    summary: 'Message threads with the firm, with unread markers; filter by status, sort on lastMessageAt or subject',
    queryKeys: ['status'],
  },
  {
    method: 'GET',
    path: '/threads/:id',
    handler: 'portal-threads.findOne',
    capability: 'messages',
    idOf: UID.thread,
    summary: 'One thread with its messages, oldest first',
  },
  {
    method: 'POST',
    path: '/threads',
    handler: 'portal-threads.create',
    capability: 'messages',
    summary: 'Start a thread with the firm, with its first message; JSON, or multipart with up to 5 files in `files`',
    example: { body: { subject: 'Question about the March invoice', body: 'Could you send the timesheet for March?' } },
  },
  {
    method: 'POST',
    path: '/threads/:id/messages',
    handler: 'portal-threads.postMessage',
    capability: 'messages',
    idOf: UID.thread,
    summary: 'Write in an open thread; JSON, or multipart with up to 5 files in `files`',
    example: { body: { body: 'Thank you, that answers it.' } },
  },
  {
    method: 'GET',
    path: '/threads/:id/attachments/:messageId/:key',
    handler: 'portal-threads.downloadAttachment',
    capability: 'messages',
    idOf: UID.thread,
    summary: 'Download a file attached to a message of the thread',
  },
  {
    method: 'POST',
    path: '/threads/:id/read',
    handler: 'portal-threads.markRead',
    capability: 'messages',
    idOf: UID.thread,
    summary: 'Mark a thread read on the client side',
    example: { body: {} },
  },
];
