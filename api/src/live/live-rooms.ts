import type { UserAccount } from '../accounts/user-account.entity.js';

/** Everything addressed to one person, on every device they are signed in on. */
export const personRoom = (userId: string): string => `person:${userId}`;

/** The officials of a department; admins join every department's room. */
export const departmentRoom = (departmentId: string): string => `department:${departmentId}`;

/** Whoever showed a queue ticket's token (`watch` of kind `ticket`). */
export const ticketRoom = (ticketId: string): string => `ticket:${ticketId}`;

/** The officials' consoles of a counter (`watch` of kind `counter`, for those who may run it). */
export const counterRoom = (counterId: string): string => `counter:${counterId}`;

/** A hall's "now serving" board (`watch` of kind `board`, public). */
export const boardRoom = (hallId: string): string => `board:${hallId}`;

/** The sockets that joined a consultation (`consultation.join`, for its participants and a supervisor). */
export const consultationRoom = (consultationId: string): string => `consultation:${consultationId}`;

/** One side of a consultation (`citizen` or `official`): WebRTC signals go to the other side only. */
export const consultationSideRoom = (consultationId: string, side: 'citizen' | 'official'): string =>
  `consultation:${consultationId}:${side}`;

/** The visitors present in a hall (`presence.join`, signed-in people who turned presence on). */
export const hallRoom = (hallId: string): string => `hall:${hallId}`;

/** The sockets that hid a visitor (by their ephemeral id): that visitor's moves skip this room. */
export const hiddersRoom = (visitorId: string): string => `presence-hidden:${visitorId}`;

/** The rooms a signed-in person's sockets join: decided here from the session, never asked of the client. */
export function roomsOf(user: UserAccount, departmentIds: readonly string[]): string[] {
  const rooms = [personRoom(user.id)];
  if (user.role === 'official' && user.departmentId) rooms.push(departmentRoom(user.departmentId));
  if (user.role === 'admin') rooms.push(...departmentIds.map(departmentRoom));
  return rooms;
}
