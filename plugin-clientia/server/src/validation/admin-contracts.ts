import { CONTRACT_FILE_FIELD } from '../../../shared/contracts/admin-contracts';
import { receivedOne } from './parse';

/** The one file of a contract PDF upload. */
export const receivedContractFile = (files: Record<string, unknown> | undefined) => receivedOne(files, CONTRACT_FILE_FIELD, 'PDF', 'contract PDF');

