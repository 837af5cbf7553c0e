import type { UserAccount } from '../accounts/user-account.entity.js';

/** Officials of the department and admins act on a department's submissions and files. */
export const isStaffOf = (departmentId: string, user: UserAccount): boolean =>
  user.role === 'admin' || (user.role === 'official' && user.departmentId === departmentId);
