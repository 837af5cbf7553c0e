import { UserAccount } from '../accounts/user-account.entity.js';

/** Every TypeORM entity of the API. */
export const entities = [UserAccount];
