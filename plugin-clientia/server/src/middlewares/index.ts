import portalInput from './portal-input';
import privateFiles from './private-files';

export default {
  'portal-input': portalInput,
  'private-files': privateFiles,
};
