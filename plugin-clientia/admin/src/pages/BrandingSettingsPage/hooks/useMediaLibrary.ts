import type { ComponentType } from 'react';
import { useStrapiApp } from '@strapi/strapi/admin';

/** The part of the upload plugin's "media-library" dialog the branding page relies on. */
interface MediaLibraryDialogProps {
  allowedTypes?: ('images' | 'videos' | 'audios' | 'files')[];
  multiple?: boolean;
  onClose: () => void;
  onSelectAssets: (assets: { id: number; url: string; mime?: string }[]) => void;
}

/** The upload plugin registers its dialog as an admin component; absent when the plugin is off. */
export const useMediaLibrary = () =>
  useStrapiApp('BrandingSettingsPage', (app) => app.components['media-library']) as
    | ComponentType<MediaLibraryDialogProps>
    | undefined;
