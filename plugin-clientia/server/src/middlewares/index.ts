import portalInput from './portal-input';
import privateFiles from './private-files';
import requestFiles from './request-files';

export default {
  'portal-input': portalInput,
  'private-files': privateFiles,
  'request-files': requestFiles,
};
