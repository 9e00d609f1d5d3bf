import {
  updateSignInSettingsRequest,
  type AdminSignInSettings,
  type UpdateSignInSettingsRequest,
} from '../../../../shared/contracts/admin-sign-in';

export type SignInSettingField = keyof AdminSignInSettings;

/** The settings the form edits: every field the update request takes. */
const SIGN_IN_SETTING_FIELDS: readonly SignInSettingField[] = updateSignInSettingsRequest.keyof().options;

/** Only what differs from the saved settings is sent, so a save never undoes a colleague's other change. */
export const signInChanges = (saved: AdminSignInSettings, draft: AdminSignInSettings): UpdateSignInSettingsRequest => {
  const changes: UpdateSignInSettingsRequest = {};
  for (const field of SIGN_IN_SETTING_FIELDS) {
    if (saved[field] !== draft[field]) changes[field] = draft[field];
  }
  return changes;
};
