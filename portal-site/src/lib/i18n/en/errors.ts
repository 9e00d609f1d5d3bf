/** Portal texts: error pages. */
export default {
  'errors.notFound.title': 'Page not found',
  'errors.notFound.text': 'This page does not exist, or it is not shared with you.',
  'errors.forbidden.title': 'Not available to you',
  'errors.forbidden.text': 'Your role does not include this part of the portal. An owner or admin of your organisation can change that.',
  'errors.server.title': 'Something went wrong',
  'errors.server.text': 'We could not show this page just now. Please try again in a few minutes.',
  'errors.home': 'Go to the overview',
  'errors.contact': 'If it keeps happening, write to {email}.',
} as const;
